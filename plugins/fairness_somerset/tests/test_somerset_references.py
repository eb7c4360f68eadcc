"""SOM-11: references like CEO/JH001/0506, numbered per directorate, officer initials and financial year."""

import threading
from datetime import date

import pytest
from fairness_somerset import Somerset
from fairness_somerset.references import financial_quarter

from fairness_app.procedure.defaults import PUBLIC_COMPLAINT, STAFF_COMPLAINT
from fairness_app.procedure.snapshots import Officer
from fairness_app.testing import MemoryCounter, make_case, plugin_manager

JANE = Officer("jane.harris@somerset.example", "JH")


def reference(counter, **fields):
	fields.setdefault("procedure", PUBLIC_COMPLAINT)
	fields.setdefault("case_officer", JANE)
	fields.setdefault("directorate", "CEO")
	return plugin_manager(Somerset()).case_reference(make_case(**fields), counter)


@pytest.mark.req("SOM-11")
def test_the_policys_own_example():
	decision = reference(MemoryCounter(), received_on=date(2005, 10, 3))
	assert (decision.value, decision.decided_by) == ("CEO/JH001/0506", "somerset")


@pytest.mark.req("SOM-11")
def test_numbers_run_per_directorate_and_officer_and_restart_each_april():
	counter = MemoryCounter()
	march, april = date(2027, 3, 31), date(2027, 4, 1)
	assert reference(counter, received_on=march).value == "CEO/JH001/2627"
	assert reference(counter, received_on=march).value == "CEO/JH002/2627"
	assert reference(counter, received_on=april).value == "CEO/JH001/2728"
	assert reference(counter, received_on=april, directorate="env").value == "ENV/JH001/2728"
	other = Officer("ann.copsey@somerset.example", "AC")
	# Each officer numbers their own cases: a second officer in the same directorate starts at 001.
	assert reference(counter, received_on=april, case_officer=other).value == "CEO/AC001/2728"
	assert (
		reference(counter, received_on=april, directorate="CYPD", case_officer=other).value
		== "CYPD/AC001/2728"
	)


@pytest.mark.req("SOM-11")
def test_two_officers_with_the_same_initials_never_share_a_reference():
	counter = MemoryCounter()
	first = reference(counter, case_officer=Officer("jane.harris@x", "JH")).value
	second = reference(counter, case_officer=Officer("john.hughes@x", "JH")).value
	assert (first, second) == ("CEO/JH001/2627", "CEO/JH002/2627")


@pytest.mark.req("SOM-11")
def test_cases_recorded_at_the_same_moment_get_different_references():
	counter, found, start = MemoryCounter(), [], threading.Barrier(20)

	def record():
		start.wait()
		found.append(reference(counter).value)

	threads = [threading.Thread(target=record) for _ in range(20)]
	for thread in threads:
		thread.start()
	for thread in threads:
		thread.join()
	assert sorted(found) == [f"CEO/JH{n:03d}/2627" for n in range(1, 21)]


@pytest.mark.req("SOM-11")
def test_without_a_directorate_or_initials_the_apps_own_numbering_is_used():
	assert reference(MemoryCounter(), directorate=None).decided_by == "builtin"
	assert reference(MemoryCounter(), case_officer=None).decided_by == "builtin"
	assert reference(MemoryCounter(), case_officer=Officer("x@x", "")).decided_by == "builtin"


@pytest.mark.req("SOM-11", "SOM-1")
def test_a_case_under_the_staff_procedure_is_left_to_that_procedures_numbering():
	assert reference(MemoryCounter(), procedure=STAFF_COMPLAINT).decided_by == "builtin"


@pytest.mark.req("SOM-20")
@pytest.mark.parametrize(
	"day, quarter",
	[
		(date(2026, 4, 1), "Q1 2026-27 (April to June)"),
		(date(2026, 9, 30), "Q2 2026-27 (July to September)"),
		(date(2026, 12, 31), "Q3 2026-27 (October to December)"),
		(date(2027, 3, 31), "Q4 2026-27 (January to March)"),
	],
)
def test_financial_quarters(day, quarter):
	assert financial_quarter(day) == quarter
