"""Case numbers from the database stay unique when cases are recorded at the same moment (SOM-11)."""

import threading

import frappe
from frappe.tests.utils import FrappeTestCase

from fairness_app.services.reference_counter import DatabaseCounter

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
		site, sites_path = frappe.local.site, frappe.local.sites_path
		numbers, errors = [], []

		def record_cases():
			frappe.init(site=site, sites_path=sites_path)
			frappe.connect()
			try:
				for _ in range(20):
					numbers.append(DatabaseCounter().next(SERIES))
					frappe.db.commit()
			except Exception as exc:
				errors.append(exc)
			finally:
				frappe.destroy()

		workers = [threading.Thread(target=record_cases) for _ in range(4)]
		for worker in workers:
			worker.start()
		for worker in workers:
			worker.join()

		self.assertEqual(errors, [])
		self.assertEqual(sorted(numbers), list(range(1, 81)))
