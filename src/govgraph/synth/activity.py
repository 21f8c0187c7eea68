"""The rest of a year's working life: invitations, verification reports, duty shifts, leave notices.

The rule base says how far ahead an invitation is sent, how soon a verification is
reported by phone and in writing, who must not stand duty or both stand and lead it,
and whom a leader going on leave asks and reports to.
"""

from __future__ import annotations

import datetime as dt

from .model import Value, at
from .roster import Year
from .rules import PRESIDING_OFFICER, REPORT_BY_PHONE, REPORT_IN_WRITING, SEND_INVITATION


def invitations(year: Year) -> None:
    """Departments inviting the deputies to their events, the deadline ahead kept (missed once, when planted)."""
    deadline = year.rules.deadlines.get(SEND_INVITATION)
    if deadline is None:
        return
    leaders = year.deputies or year.people.everyone[:1]
    for k in range(year.profile.activity["invitations"]):
        iri = f"{year.base}invitation/{k + 1:03d}"
        event = dt.datetime.combine(year.calendar.workday(year.rng.randrange(10, len(year.calendar.workdays))), dt.time(14, 0))
        ahead = int(deadline.amount) + year.rng.randint(1, 6)
        if (plant := year.plants.wants("invitation-late")) is not None:
            ahead = max(int(deadline.amount) - plant["short_by"], 0)
            year.plants.plant("invitation-late", iri, ahead=ahead)
        year.out.add(iri, ("a", "gg:InvitationRecord"), ("gg:invitingDepartment", year.departments[k % len(year.departments)]),
                     ("gg:invitedLeader", leaders[k % len(leaders)].iri), ("gg:eventAt", at(event)),
                     ("gg:sentAt", at(event - dt.timedelta(days=ahead, hours=5))))


def verifications(year: Year) -> None:
    """The superior government asking departments to verify information; their reports by phone and in writing."""
    phone, written = year.rules.deadlines.get(REPORT_BY_PHONE), year.rules.deadlines.get(REPORT_IN_WRITING)
    for k in range(year.profile.activity["verifications"]):
        iri = f"{year.base}verification/{k + 1:03d}"
        day = year.calendar.days[year.rng.randrange(len(year.calendar.days))][0]
        requested = dt.datetime.combine(day, dt.time(year.rng.randint(7, 21), year.rng.randint(0, 59)))
        pairs: list[tuple[str, Value]] = [("a", "gg:VerificationRecord"),
                                          ("gg:reportingDepartment", year.departments[(k * 3) % len(year.departments)]),
                                          ("gg:requestedAt", at(requested))]
        if phone:
            minutes = _minutes_taken(year, iri, "phone-late", 5, int(phone.amount))
            pairs.append(("gg:phonedAt", at(requested + dt.timedelta(minutes=minutes))))
        if written:
            minutes = _minutes_taken(year, iri, "written-late", int(phone.amount) + 1 if phone else 5, int(written.amount))
            pairs.append(("gg:writtenAt", at(requested + dt.timedelta(minutes=minutes))))
        year.out.add(iri, *pairs)


def _minutes_taken(year: Year, report: str, plant_name: str, earliest: int, allowed: int) -> int:
    """Minutes from request to report: within those allowed, or over them when planted (one plant a report)."""
    minutes = year.rng.randint(earliest, allowed)
    if (plant := year.plants.wants(plant_name)) is not None and not year.plants.planted_in(report):
        minutes = allowed + plant["over_by"]
        year.plants.plant(plant_name, report, minutes=minutes)
    return minutes


def duty_shifts(year: Year) -> None:
    """A year of daily duty shifts in the first departments: four on duty in turn, the head and one more leading."""
    people, plants = year.people, year.plants
    forbids = year.rules.duty_forbids
    for n, unit in enumerate(year.departments[: year.profile.activity["duty_departments"]]):
        staff = [people.person() for _ in range(4)]
        leads = [year.unit_heads[unit], people.person()]
        temporary = people.person(status="gg:TemporaryHire") if "non-staff" in forbids and plants.wants("temporary-on-duty") else None
        for j, (day, _working) in enumerate(year.calendar.days):
            iri = f"{year.base}shift/{n + 1:02d}/{day.isoformat()}"
            on, lead = staff[j % len(staff)], leads[j % len(leads)]
            if "same-person" in forbids and (plants.wants("same-person") or {}).get("day") == j:
                on = lead
                plants.plant("same-person", iri)
            elif temporary is not None and plants.wants("temporary-on-duty")["day"] == j:
                on, temporary = temporary, None
                plants.plant("temporary-on-duty", iri)
            begin = dt.datetime.combine(day, dt.time(8, 30))
            year.out.add(iri, ("a", "gg:DutyShiftRecord"), ("gg:dutyDepartment", unit), ("gg:shiftStart", at(begin)),
                         ("gg:shiftEnd", at(begin + dt.timedelta(days=1))), ("gg:onDuty", on.iri), ("gg:leadingDuty", lead.iri))


def leave_notices(year: Year) -> None:
    """Deputies going on leave from work: asked of whom the rule names (someone else, when planted), reported to whom it names."""
    for k in range(year.profile.activity["leave_notices"]):
        someone = year.deputies[k % len(year.deputies)] if year.deputies else year.people.everyone[0]
        leave_rules = year.rules.leave_rules(someone.posts)
        rule = next((r for r in leave_rules if r.asks and r.recipient != PRESIDING_OFFICER and r.reasons), None)
        if rule is None:
            continue
        begin = dt.datetime.combine(year.calendar.workday(year.rng.randrange(len(year.calendar.workdays))), dt.time(8, 0))
        iri, asked = f"{year.base}leave/{k + 1:03d}", year.first(rule.recipient)
        if year.plants.wants("work-leave") is not None:
            asked = year.unpermitted({rule.recipient, *someone.posts})
            year.plants.plant("work-leave", iri)
        reported = dict.fromkeys(r.recipient for r in leave_rules if not r.asks)
        year.out.add(iri, ("a", "gg:LeaveRecord"), ("gg:leaveOf", someone.iri), ("gg:askedOf", asked.iri), ("gg:grantedBy", asked.iri),
                     ("gg:matterKind", rule.occasion), ("gg:leaveReason", rule.reasons[k % len(rule.reasons)]),
                     ("gg:askedAt", at(begin - dt.timedelta(days=2))), ("gg:validFrom", at(begin)),
                     ("gg:validUntil", at(begin + dt.timedelta(days=2))), *(("gg:reportedTo", recipient) for recipient in reported))
