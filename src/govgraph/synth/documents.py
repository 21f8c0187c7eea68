"""Documents: those signed (with the conferral and approval chain they need), those departments
submit (with the procedures they need first), and the consultations about them.

The rule base says who may sign each document kind (by the rules or on a conferral),
after which approval chain, what a submission of each matter kind needs (one matter
only, no request inside a report, a procedure passed first) and how long a consulted
department has to reply.
"""

from __future__ import annotations

import datetime as dt

from .model import Value, at, boolean, number, text
from .roster import Year
from .rules import REPLY_TO_CONSULTATION, WORKING_DAY, Power


def signed_documents(year: Year) -> int:
    """The documents signed, by kind as the profile says; how many were written."""
    written = 0
    for kind, count in year.profile.documents:
        applicable = [power for power in year.rules.sign if power.target in year.rules.broader.get(kind, {kind})]
        nearest = [power for power in applicable
                   if not any(o.target != power.target and power.target in year.rules.broader.get(o.target, set()) for o in applicable)]
        plain = [power for power in nearest if not power.if_necessary] or nearest
        for k in range(count):
            written += 1
            signed_document(year, written, kind, plain[k % len(plain)] if plain else None, applicable)
    return written


def signed_document(year: Year, n: int, kind: str, power: Power | None, applicable: list[Power]) -> None:
    """Document ``n`` of a kind, signed under ``power`` after its approval chain (broken when planted)."""
    iri = f"{year.base}document/{n:04d}"
    day = year.calendar.workday(year.rng.randrange(len(year.calendar.workdays)))
    area = year.departments[(n * 7) % len(year.departments)]
    pairs: list[tuple[str, Value]] = [("a", "gg:DocumentRecord"), ("gg:documentKind", kind), ("gg:concernsArea", area),
                                      ("eli:id_local", text(year.profile.document_number.format(year=year.profile.year, n=n)))]
    if power is None:
        year.out.add(iri, *pairs)
        return
    signer = year.first(power.post, area)
    if power.conferral:
        pairs.append(("gg:reliesOn", _conferral(year, power, signer.iri)))
    steps = year.rules.chains.get(power.chain or "", [])
    skipped = None
    chain_step = year.plants.wants("chain-step")
    if year.plants.wants("signer") is not None and not power.conferral:
        signer = year.unpermitted({p.post for p in applicable})
        year.plants.plant("signer", iri)
    elif chain_step is not None and len(steps) > chain_step["step"]:
        skipped = steps[chain_step["step"] - 1][0]
        year.plants.plant("chain-step", iri, step=skipped)
    for order, (step, approver) in enumerate(steps):
        if step == skipped:
            continue
        approval = f"{iri}/approval/{step}"
        year.out.add(approval, ("a", "gg:ApprovalRecord"), ("gg:approvedBy", year.first(approver, area).iri),
                     ("gg:approvedAt", at(dt.datetime.combine(day, dt.time(9 + order, 0)))))
        pairs.append(("gg:approval", approval))
    pairs += [("gg:signedBy", signer.iri), ("gg:signedAt", at(dt.datetime.combine(day, dt.time(16, 30))))]
    year.out.add(iri, *pairs)


def _conferral(year: Year, power: Power, receiver: str) -> str:
    """The conferral a signature relies on (an authorisation by the grantor), recorded once per signer."""
    local = "-".join(iri.rsplit("/", 1)[-1] for iri in (power.rule, power.target, receiver))
    conferral = f"{year.base}conferral/{local}"
    if conferral not in year.conferrals:
        year.conferrals.add(conferral)
        year.out.add(conferral, ("a", "gg:ConferralRecord"), ("gg:conferralKindGiven", power.conferral),
                     ("gg:giver", year.first(power.grantor).iri), ("gg:receiver", receiver), ("gg:scopeAct", power.act),
                     ("gg:scopeTarget", power.target), ("gg:validFrom", at(year.start)))
    return conferral


def submissions(year: Year, written: int) -> None:
    """What departments submit to the government, by matter kind as the profile says, after document ``written``."""
    for matter, count in year.profile.submissions:
        for k in range(count):
            written += 1
            submission(year, written, matter, k)


def submission(year: Year, n: int, matter: str, k: int) -> None:
    """Document ``n``: the ``k``-th submission of a matter kind, with what its rules ask of it (broken when planted)."""
    rules, plants, calendar = year.rules, year.plants, year.calendar
    iri = f"{year.base}document/{n:04d}"
    i = year.rng.randrange(5, len(calendar.workdays) - 5)
    sender = year.departments[(n * 5) % len(year.departments)]
    submitted = dt.datetime.combine(calendar.workdays[i], dt.time(15, 0))
    pairs: list[tuple[str, Value]] = [
        ("a", "gg:DocumentRecord"), ("gg:documentKind", year.profile.submission_kind), ("gg:matterKind", matter),
        ("gg:fromDepartment", sender), ("gg:concernsArea", sender), ("gg:submittedAt", at(submitted)),
    ]
    if matter in rules.one_matter:
        matters = 1
        if (plant := plants.wants("one-matter")) is not None:
            matters = plant["matters"]
            plants.plant("one-matter", iri, matters=matters)
        pairs.append(("gg:matterCount", number(matters)))
    if matter in rules.no_request_in:
        carries = plants.wants("request-in-report") is not None
        if carries:
            plants.plant("request-in-report", iri)
        pairs.append(("gg:carriesRequest", boolean(carries)))
    for act, performer in rules.procedures.get(matter, []):
        if plants.wants("procedure") is not None:
            plants.plant("procedure", iri)
            continue
        procedure = f"{iri}/procedure"
        done: list[tuple[str, Value]] = [("a", "gg:ProcedureRecord"), ("gg:procedureAct", act), ("gg:passed", boolean(True)),
                                         ("gg:performedAt", at(submitted - dt.timedelta(days=3)))]
        if performer:
            done.append(("gg:performedBy", performer))
        year.out.add(procedure, *done)
        pairs.append(("gg:procedure", procedure))
    year.out.add(iri, *pairs)
    if matter in rules.one_matter and REPLY_TO_CONSULTATION in rules.deadlines and k % 2 == 0:
        consultation(year, iri, sender, i, n, k)


def consultation(year: Year, document: str, sender: str, i: int, n: int, k: int) -> None:
    """The sender consulted another department about ``document`` (sent on working day ``i - 4``); its reply, late when planted."""
    calendar, reply = year.calendar, year.rules.deadlines[REPLY_TO_CONSULTATION]
    allowed = int(reply.amount) if reply.unit == WORKING_DAY else 1
    sent, late = calendar.workdays[i - 4], False
    plant = year.plants.wants("reply-late")
    if plant is not None:
        late_nth = allowed + plant["late_by"]
        if sent.weekday() == plant["weekday"]:
            late = True
        elif k > plant["after"]:
            moved = next((w for w in calendar.workdays[max(i - 10, 0) : i]
                          if w.weekday() == plant["weekday"] and calendar.nth_working_day_after(w, late_nth)), None)
            if moved is not None:
                sent, late = moved, True
    nth = allowed + plant["late_by"] if late else year.rng.randint(1, allowed)
    iri = f"{document}/consultation"
    year.out.add(iri, ("a", "gg:ConsultationRecord"), ("gg:consultingDepartment", sender),
                 ("gg:consultedDepartment", year.departments[(n * 3 + 1) % len(year.departments)]), ("gg:aboutDocument", document),
                 ("gg:sentAt", at(dt.datetime.combine(sent, dt.time(10, 0)))),
                 ("gg:repliedAt", at(dt.datetime.combine(calendar.nth_working_day_after(sent, nth), dt.time(17, 0)))))
    if late:
        year.plants.plant("reply-late", iri, nth=nth)
