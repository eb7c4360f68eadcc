"""Case numbers from the database stay unique when cases are recorded at the same moment (SOM-11)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from fairness_app.services.reference_counter import DatabaseCounter
from fairness_app.tests.fixtures import run_in_workers

SERIES = "TEST-CONCURRENT"


def _delete_series():
	frappe.db.delete("Series", {"name": DatabaseCounter.PREFIX + SERIES})
	frappe.db.commit()  # the worker threads below commit, so the clean-up must too


class TestDatabaseCounter(FrappeTestCase):
	def setUp(self):
		_delete_series()

	def tearDown(self):
		_delete_series()

	def test_a_new_series_starts_at_one_and_counts_up(self):
		# req: SOM-11
		counter = DatabaseCounter()
		self.assertEqual([counter.next(SERIES) for _ in range(3)], [1, 2, 3])

	def test_concurrent_recorders_never_share_a_number(self):
		# req: SOM-11
		numbers = []

		def record_cases():
			for _ in range(20):
				numbers.append(DatabaseCounter().next(SERIES))
				frappe.db.commit()

		errors = run_in_workers(record_cases, 4)

		self.assertEqual(errors, [])
		self.assertEqual(sorted(numbers), list(range(1, 81)))
