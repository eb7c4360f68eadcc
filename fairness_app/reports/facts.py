"""The de-identified record of one case that the monitoring reports count (SOM-12, SOM-17, DER-25, CUM-6, X-3).

What may leave a case is decided here, in one pure place, by naming each field that may go: categories and bands,
whole days, counts and ticks. Never a name, a reference, free text or a time of day; nothing from the equality record
of someone who declined to give it. A fact outlives its case (the retention purge keeps it), so it must never lead
back to a person.

The caller gives plain values: the case's fields as a mapping, its allegations and clocks as mappings, its abuse
types as names and its equality answers (or None).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from fairness_app.procedure.calendar import as_date
from fairness_app.reports.periods import period_of

COMPLAINT = "Complaint"
INCIDENT = "Incident"

# The case's own fields a fact keeps, as (fact field, case field). Every one is a category chosen from a list, a
# tick or a count, except the directorate, which names a part of the council.
SHARED_FIELDS = (
	("directorate", "directorate"),
	("route", "procedure"),
	("stage", "workflow_state"),
	("stage_category", "stage_category"),
)
COMPLAINT_FIELDS = (
	("complaint_type", "complaint_type"),
	("formality", "formality"),
	("outcome", "outcome"),
	("sanction", "disciplinary_outcome"),
	("appeal_outcome", "appeal_outcome"),
)
INCIDENT_FIELDS = (
	("workplace", "workplace"),
	("channel", "channel"),
	("seriousness", "seriousness"),
	("warning", "warning"),
)
INCIDENT_TICKS = (
	("hate_related", "hate_incident"),
	("police_involved", "police_contacted"),
	("physical_contact", "physical_contact"),
	("serious_threat", "serious_threat"),
	("service_withdrawn", "service_withdrawn"),
)
# The complainant's monitoring categories: the equality record's own bands.
EQUALITY_BANDS = (
	"age_band",
	"sex",
	"gender_identity_differs",
	"disabled",
	"ethnic_group",
	"religion",
	"sexual_orientation",
)

# What a case was about: a complaint may concern several grounds at once, so each is a list, kept on the fact
# itself as one line per value (sorted), so that a report groups facts by it in one indexed query.
ALLEGATION_LISTS = (("behaviours", "behaviour"), ("grounds", "ground"), ("harassment_types", "harassment_type"))
ABUSE_TYPES = "abuse_types"
SEPARATOR = "\n"

# How each deadline went.
MET = "Met"
MISSED = "Missed"
RUNNING = "Running"
CANCELLED = "Cancelled"


def monitoring_fact(
	kind: str,
	case: Mapping,
	*,
	received_on: date,
	closed_on: date | None,
	allegations: Iterable[Mapping] = (),
	abuse_types: Iterable[str] = (),
	clocks: Iterable[Mapping] = (),
	equality: Mapping | None = None,
) -> dict:
	"""The fact for one case of `kind` (COMPLAINT or INCIDENT), as the values of a Fairness Monitoring Fact."""
	if kind not in (COMPLAINT, INCIDENT):
		raise ValueError(f"A monitoring fact is about a {COMPLAINT} or an {INCIDENT}, not {kind!r}.")
	if received_on is None:
		raise ValueError("A monitoring fact needs the day the case was received, to place it in a reporting period.")
	period = period_of(_day(received_on))
	fact = {
		"case_kind": kind,
		"received_on": _day(received_on),
		"financial_year": period.financial_year,
		"quarter": period.quarter,
		"half": period.half,
		"closed_on": _day(closed_on) if closed_on else None,
		**_copied(case, SHARED_FIELDS),
	}
	if kind == COMPLAINT:
		fact.update(_copied(case, COMPLAINT_FIELDS))
		fact["appealed"] = int(bool(case.get("appeal_received_on")))
		allegations = list(allegations)
		for fact_field, field in ALLEGATION_LISTS:
			fact[fact_field] = listed(allegation.get(field) for allegation in allegations)
	else:
		fact.update(_copied(case, INCIDENT_FIELDS))
		fact.update({fact_field: int(bool(case.get(field))) for fact_field, field in INCIDENT_TICKS})
		fact["repeat_incidents"] = int(case.get("repeat_incidents") or 0)
		fact[ABUSE_TYPES] = listed(abuse_types)
	fact.update(equality_bands(equality))
	# A party's own time to act (to appeal, say) is not a council deadline, so the figures leave it out.
	fact["clocks"] = [
		{"rule_key": clock["rule_key"], "label": clock.get("label"), "result": clock_result(clock)}
		for clock in clocks
		if not clock.get("party_window")
	]
	return fact


def equality_bands(equality: Mapping | None) -> dict:
	"""The complainant's bands, or none at all when they declined or were not asked."""
	if not equality or equality.get("declined"):
		return dict.fromkeys(EQUALITY_BANDS)
	return {band: equality.get(band) or None for band in EQUALITY_BANDS}


def clock_result(clock: Mapping) -> str:
	"""MET, MISSED, RUNNING or CANCELLED, from a clock row's status and the sweep's alert. A deadline the sweep
	found missed stays missed even when the step was taken late."""
	status = clock.get("status")
	if status == "Missed" or clock.get("alerted") == "Missed":
		return MISSED
	if status in (MET, CANCELLED):
		return status
	return RUNNING


def listed(values: Iterable[str | None]) -> str | None:
	"""Values as a fact keeps a list: each once, sorted, one a line; None for none."""
	return SEPARATOR.join(sorted(set(filter(None, values)))) or None


def unlisted(text: str | None) -> list[str]:
	"""A fact's list back as values."""
	return text.split(SEPARATOR) if text else []


def _copied(case: Mapping, fields: Iterable[tuple[str, str]]) -> dict:
	return {fact_field: case.get(field) or None for fact_field, field in fields}


def _day(value: date | datetime | str) -> date:
	"""A day, whatever Frappe handed over; a time of day is dropped, never kept."""
	if isinstance(value, date):  # a datetime too
		return as_date(value)
	return date.fromisoformat(str(value)[:10])
