"""Building blocks plugins share: the first manager free to act, financial years, retention with legal hold."""

from datetime import date

import pytest

from fairness_app.procedure.references import MemoryCounter, financial_year_label, financial_year_start
from fairness_app.procedure.retention import RetentionRule, deletion_summary
from fairness_app.procedure.routes import Route, first_manager_not_involved
from fairness_app.testing import make_case, make_party


def complainant(chain=("manager", "director", "chief")):
	return make_party("complainant", "employee", user="employee", manager_chain=chain)


@pytest.mark.req("FHB-3", "DER-7")
def test_the_line_manager_normally_takes_the_case():
	assert first_manager_not_involved(make_case(parties=[complainant()])) == "manager"


@pytest.mark.req("FHB-3", "DER-7")
def test_the_managers_manager_takes_it_when_the_manager_is_the_subject():
	case = make_case(parties=[complainant(), make_party("subject", "employee", user="manager")])
	assert first_manager_not_involved(case) == "director"


@pytest.mark.req("KEN-10")
def test_managers_with_a_declared_conflict_are_passed_over():
	case = make_case(
		parties=[complainant(), make_party("subject", "employee", user="manager")], conflicted_users={"director"}
	)
	assert first_manager_not_involved(case) == "chief"


def test_nobody_free_to_act_and_no_complainant_give_none():
	case = make_case(parties=[complainant(chain=("manager",)), make_party("subject", "employee", user="manager")])
	assert first_manager_not_involved(case) is None
	assert first_manager_not_involved(make_case()) is None


def test_a_route_must_name_who_receives_it():
	with pytest.raises(ValueError, match="who receives"):
		Route("staff_complaint", ())


@pytest.mark.req("SOM-11", "DER-25")
@pytest.mark.parametrize(
	"day, long, short",
	[(date(2005, 4, 1), "2005-06", "0506"), (date(2006, 3, 31), "2005-06", "0506"), (date(1999, 12, 1), "1999-00", "9900")],
)
def test_financial_years_run_from_1_april_to_31_march(day, long, short):
	assert financial_year_label(day) == long
	assert financial_year_label(day, short=True) == short
	assert financial_year_start(day) == int(long[:4])


def test_the_memory_counter_numbers_each_series_separately():
	counter = MemoryCounter()
	assert [counter.next("A"), counter.next("A"), counter.next("B")] == [1, 2, 1]


@pytest.mark.req("X-3", "SOM-13")
def test_retention_is_due_after_the_keep_until_date_unless_held():
	rule = RetentionRule(date(2028, 5, 1), "2 years after resolution (SOM-13)")
	assert not rule.is_due(date(2028, 5, 1))
	assert rule.is_due(date(2028, 5, 2))
	assert not rule.is_due(date(2030, 1, 1), legal_hold=True)
	assert not RetentionRule(None, "open case").is_due(date(2099, 1, 1))
	with pytest.raises(ValueError, match="which rule"):
		RetentionRule(date(2028, 5, 1), " ")


@pytest.mark.req("X-3")
def test_a_deletion_summary_counts_each_kind_of_record_most_first_and_leaves_out_none_deleted():
	summary = deletion_summary({"Fairness Complaint": 2, "Version": 12, "File": 0, "Comment": 2})
	assert summary == "Version: 12\nComment: 2\nFairness Complaint: 2"
	assert deletion_summary({"File": 0}) == "Nothing"
