"""Whitelisted endpoints: typed and permission-checked."""

import frappe

from fairness_app.plugins import installed_plugins as find_installed_plugins


@frappe.whitelist()
def installed_plugins() -> list[dict]:
	"""The council plugins installed on this server, for the Fairness Settings form."""
	frappe.has_permission("Fairness Settings", "read", throw=True)
	return [
		{"name": name, "package": entry_point.dist.name if entry_point.dist else entry_point.value}
		for name, entry_point in sorted(find_installed_plugins().items())
	]
