"""Install and migrate: create what the app needs, only where it is missing, so that a council's own changes
survive every `bench migrate`."""

import frappe

from fairness_app import roles


def before_install():
	ensure_roles()


def after_install():
	ensure_roles()


def after_migrate():
	ensure_roles()


def ensure_roles():
	for role_name in roles.ALL:
		if not frappe.db.exists("Role", role_name):
			frappe.get_doc({"doctype": "Role", "role_name": role_name, "desk_access": 1}).insert(
				ignore_permissions=True  # access: installer, runs as Administrator during install and migrate
			)
