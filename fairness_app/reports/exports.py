"""Cells for spreadsheets the app produces: text a spreadsheet would run as a formula is kept as text."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
	"""`value` as a spreadsheet cell. Free text such as "=HYPERLINK(...)" or "-2+3" would otherwise be evaluated
	when the export is opened; a leading apostrophe makes the spreadsheet show it as typed."""
	if isinstance(value, str) and value.startswith(FORMULA_STARTS):
		return "'" + value
	return value
