"""The working-day calendar a validator needs (``gg:CalendarEntry`` a day), from a maintained source.

Which days are working days changes every year (public holidays, weekend days worked in
their place); the State Council's notices are kept in the ``chinesecalendar`` package
(the ``calendar`` extra). :func:`working_days` reads it for one year, :func:`calendar_graph`
writes the year as records, one entry a day with the working days to date.
"""

from __future__ import annotations

import datetime as dt

from .._core.errors import GovGraphError
from .._core.terms import GG, RDF_TYPE, XSD
from .._core.words import word

#: Where a calendar's entries are named, day by day, unless told otherwise.
CALENDAR_BASE = "https://w3id.org/govgraph/calendar/cn/"


def covered_years() -> tuple[int, int]:
    """The first and last year chinesecalendar knows the holidays of."""
    holidays = _package().holidays
    years = [day.year for day in holidays]
    return min(years), max(years)


def working_days(year: int) -> list[tuple[dt.date, bool]]:
    """Each day of ``year`` and whether it is a working day; an error for a year the package does not cover."""
    package = _package()
    first, last = covered_years()
    if not first <= year <= last:
        raise GovGraphError(word("validate_versions.calendar_beyond", "en", first=first, last=last, year=year))
    day, days = dt.date(year, 1, 1), []
    while day.year == year:
        days.append((day, bool(package.is_workday(day))))
        day += dt.timedelta(days=1)
    return days


def calendar_graph(year: int, base: str = CALENDAR_BASE):
    """The year's calendar as an rdflib graph: one ``gg:CalendarEntry`` a day, named ``<base><date>``."""
    import rdflib

    graph = rdflib.Graph()
    graph.bind("gg", GG)
    graph.bind("xsd", XSD)
    count = 0
    for day, working in working_days(year):
        count += working
        entry = rdflib.URIRef(f"{base}{day.isoformat()}")
        graph.add((entry, rdflib.URIRef(RDF_TYPE), rdflib.URIRef(GG + "CalendarEntry")))
        graph.add((entry, rdflib.URIRef(GG + "calendarDate"),
                   rdflib.Literal(f"{day.isoformat()}T00:00:00", datatype=rdflib.URIRef(XSD + "dateTime"))))
        graph.add((entry, rdflib.URIRef(GG + "isWorkingDay"), rdflib.Literal(working)))
        graph.add((entry, rdflib.URIRef(GG + "workingDaysToDate"), rdflib.Literal(count)))
    return graph


def _package():
    try:
        import chinese_calendar
    except ImportError:
        raise GovGraphError(word("validate_versions.calendar_missing", "en")) from None
    return chinese_calendar
