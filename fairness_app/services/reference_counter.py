"""Case numbers from the database, so that two cases recorded at the same moment never share a number (SOM-11)."""

import frappe


class DatabaseCounter:
	"""A ReferenceCounter on Frappe's Series table. The upsert takes the series row's lock, which is held until the
	transaction ends: concurrent recorders queue for the next number instead of reading the same one, and a
	first-ever number cannot be handed out twice."""

	PREFIX = "fairness:"  # keeps council series apart from Frappe's own naming series

	def next(self, series: str) -> int:
		key = f"{self.PREFIX}{series}"
		frappe.db.sql(  # access: the Series table holds counters only, no case data
			"INSERT INTO `tabSeries` (`name`, `current`) VALUES (%s, 1) "
			"ON DUPLICATE KEY UPDATE `current` = `current` + 1",
			(key,),
		)
		# Reads back the counter this transaction has just locked and incremented.
		current = frappe.db.sql("SELECT `current` FROM `tabSeries` WHERE `name` = %s", (key,))  # access: counters only
		return int(current[0][0])
