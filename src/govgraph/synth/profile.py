"""What a made-up year of records looks like (``records/profile.toml``) and its calendar (``holidays.toml``).

The profile says which posts are filled by how many people, the departments, how many
meetings, documents and reports of each kind, the labels and names records carry, and
the violations to plant. Rule-base terms in it are named as on the command line (a
label, a CURIE or a term's own name) and resolved against the rule base here.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from .._core.errors import GovGraphError, InputError
from ..answers.graph import GovGraph

T = TypeVar("T")


@dataclass(frozen=True)
class Unit:
    """A department or agency: one the rule base names, or a made-up one (a path under the records' IRI, and names)."""

    term: str | None
    path: str | None = None
    zh: str | None = None
    en: str | None = None

    def iri(self, base: str) -> str:
        return self.term or f"{base}{self.path}"


@dataclass(frozen=True)
class Calendar:
    """The days of a year, which are working days, and how many working days have passed by each."""

    year: int
    days: tuple[tuple[dt.date, bool], ...]

    @classmethod
    def read(cls, holidays: dict[str, Any]) -> Calendar:
        year = int(holidays["year"])
        off = {dt.date.fromisoformat(d) for d in holidays.get("days_off", [])}
        worked = {dt.date.fromisoformat(d) for d in holidays.get("weekend_days_worked", [])}
        first = dt.date(year, 1, 1)
        every = [first + dt.timedelta(days=n) for n in range((dt.date(year + 1, 1, 1) - first).days)]
        return cls(year, tuple((day, day in worked or (day.weekday() < 5 and day not in off)) for day in every))

    @cached_property
    def workdays(self) -> list[dt.date]:
        return [day for day, working in self.days if working]

    def workday(self, i: int) -> dt.date:
        return self.workdays[i % len(self.workdays)]

    @cached_property
    def working_days_to(self) -> dict[dt.date, int]:
        """For each day, how many working days the year has had by its end."""
        counts, total = {}, 0
        for day, working in self.days:
            total += working
            counts[day] = total
        return counts

    def nth_working_day_after(self, day: dt.date, n: int) -> dt.date | None:
        target = self.working_days_to[day] + n
        return next((d for d, working in self.days if working and self.working_days_to[d] == target), None)


@dataclass(frozen=True)
class Profile:
    """profile.toml, its rule-base names resolved to IRIs."""

    year: int
    seed: int
    document_number: str
    labels: dict[str, dict[str, str]]
    names: tuple[str, str]  #: surnames and given names, to make people's names of
    roster: list[tuple[str, int]]  #: post, how many hold it
    department_post: str
    agency_post: str
    in_charge_post: str
    in_charge_from: list[str]
    departments: list[Unit]
    agencies: list[Unit]
    meetings: list[tuple[str, int]]  #: meeting type, how many held
    entrusted_meeting: int
    documents: list[tuple[str, int]]  #: document kind, how many signed
    submission_kind: str
    submissions: list[tuple[str, int]]  #: matter kind, how many submitted
    activity: dict[str, int]
    plants: dict[str, dict[str, Any]]
    calendar: Calendar

    @classmethod
    def read(cls, folder: Path, graph: GovGraph) -> Profile:
        """``folder``'s profile.toml and holidays.toml, rule-base names resolved in ``graph``."""
        holidays, profile = folder / "holidays.toml", folder / "profile.toml"
        calendar = _checked(holidays, lambda: Calendar.read(_toml(holidays)))
        return _checked(profile, lambda: cls._resolved(_toml(profile), calendar, graph))

    @classmethod
    def _resolved(cls, raw: dict[str, Any], calendar: Calendar, graph: GovGraph) -> Profile:
        def named(kind: str, table: dict[str, Any]) -> list[tuple[str, int]]:
            return [(graph.resolve(name, kind), int(count)) for name, count in table.items()]

        units = raw["units"]
        return cls(
            year=int(raw["year"]),
            seed=int(raw.get("seed", 0)),
            document_number=raw.get("document_number", "{year}-{n}"),
            labels=raw["labels"],
            names=_names(raw),
            roster=named("post", raw["roster"]),
            department_post=graph.resolve(units["department_post"], "post"),
            agency_post=graph.resolve(units["agency_post"], "post"),
            in_charge_post=graph.resolve(units["in_charge_post"], "post"),
            in_charge_from=[graph.resolve(name, "post") for name in units["in_charge_from"]],
            departments=[Unit(graph.resolve(name)) for name in units.get("named_departments", [])]
            + [Unit(None, path, zh, en) for path, zh, en in units.get("departments", [])],
            agencies=[Unit(None, path, zh, en) for path, zh, en in units.get("agencies", [])],
            meetings=named("meeting", raw["meetings"]["held"]),
            entrusted_meeting=int(raw["meetings"]["entrusted"]),
            documents=named("document", raw["documents"]),
            submission_kind=graph.resolve(raw["submissions"]["kind"], "document"),
            submissions=named("matter", raw["submissions"]["sent"]),
            activity={key: int(value) for key, value in raw["activity"].items()},
            plants=raw.get("plants", {}),
            calendar=calendar,
        )


def person_names(path: Path) -> tuple[str, str]:
    """The surnames and given names the profile at ``path`` makes people's names of."""
    return _checked(path, lambda: _names(_toml(path)))


def _checked(path: Path, read: Callable[[], T]) -> T:
    """What ``read`` makes of the file at ``path``; a missing key, a bad value or an unknown name as one line on that file."""
    try:
        return read()
    except InputError:
        raise
    except KeyError as exc:
        raise InputError(str(path), f"expected a key {exc.args[0]!r}") from None
    except (GovGraphError, ValueError, TypeError) as exc:
        raise InputError(str(path), str(exc)) from None


def _names(raw: dict[str, Any]) -> tuple[str, str]:
    return raw["names"]["surnames"], raw["names"]["given"]


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"expected a TOML file ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"expected TOML: {exc}") from None
