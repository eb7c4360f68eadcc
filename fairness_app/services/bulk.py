"""Set-based statements over many records at once, for the site-wide jobs (the retention purge, the subject access
search). Frappe's query builder spends longer writing a condition on 500 names than the database spends running it,
so these write plain SQL, with every value passed to the database apart."""

import frappe


def select(doctype: str, fields: str, where: dict) -> list:
	if _matches_nothing(where):
		return []
	conditions, values = _conditions(where)
	return frappe.db.sql(  # access: site-wide jobs; their callers decide who may run them
		f"select {fields} from {_table(doctype)} where {conditions}", values, as_dict=True
	)


def delete(doctype: str, where: dict) -> int:
	"""Delete the rows matching `where`, and say how many went."""
	if _matches_nothing(where):
		return 0
	conditions, values = _conditions(where)
	frappe.db.sql(f"delete from {_table(doctype)} where {conditions}", values)  # access: as above
	return frappe.db._cursor.rowcount  # what the database deleted, rather than a count before it


def _matches_nothing(where: dict) -> bool:
	return any(isinstance(value, (list, set)) and not value for value in where.values())


def _conditions(where: dict) -> tuple[str, dict]:
	"""`field = value`, or `field in (values)` for a list or set, and the values to pass apart."""
	values = {field: sorted(value) if isinstance(value, set) else value for field, value in where.items()}
	conditions = " and ".join(
		f"`{field}` in %({field})s" if isinstance(value, list) else f"`{field}` = %({field})s"
		for field, value in values.items()
	)
	return conditions, values


def _table(doctype: str) -> str:
	return f"`{doctype}`" if doctype.startswith("__") else f"`tab{doctype}`"
