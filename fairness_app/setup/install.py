"""Install and migrate: create what the app needs, only where it is missing, so that a council's own changes
survive every `bench migrate`."""

import frappe

from fairness_app import roles
from fairness_app.setup.email_templates import ensure_email_templates
from fairness_app.workflows.install import ensure_workflows


def before_install():
	ensure_roles()


def after_install():
	after_migrate()


def after_migrate():
	ensure_roles()
	ensure_abuse_types()
	ensure_workflows()
	ensure_email_templates()


def ensure_roles():
	for role_name in roles.ALL:
		if not frappe.db.exists("Role", role_name):
			frappe.get_doc({"doctype": "Role", "role_name": role_name, "desk_access": 1}).insert(
				ignore_permissions=True  # access: installer, runs as Administrator during install and migrate
			)


# The kinds of third-party abuse the policies name (KEN-2, CUM-2). Councils add their own in the desk.
ABUSE_TYPES = {
	"Physical assault": "Hitting, pushing, spitting or any other physical attack, or an animal set on someone.",
	"Threats or violence": "Threats to the member of staff or their family, in person or otherwise.",
	"Verbal abuse": "Shouting, swearing or insults, face to face or by phone.",
	"Racial abuse": "Racial slurs or abuse; racial if the member of staff or anyone else sees it that way.",
	"Sexual harassment": "Unwanted sexual comments, advances or touching.",
	"Disability-related abuse": "Abuse about a disability.",
	"Homophobic or transphobic abuse": "Abuse about sexual orientation or gender identity, as the person sees it.",
	"Abuse about religion or belief": "Abuse about a religion or belief, or lack of one.",
	"Other hate-related abuse": "For example age, asylum seekers and refugees, gypsies and travellers, misogyny.",
	"Intimidation or aggressive behaviour": "Aggressive gestures, facial expressions, mimicry or standing over someone.",
	"Harassment": "Unwanted behaviour that violates dignity, including more than one incident by the same person.",
	"Bullying": "Repeated behaviour that intimidates, undermines or humiliates the member of staff.",
	"Discrimination": "Treating the member of staff worse because of who they are, such as their race or sex.",
	"Online or social media abuse": "Posts, messages or images online.",
	"Offensive images or graffiti": "Images, graffiti or written material aimed at the member of staff.",
	"Offensive jokes or banter": "Jokes or banter that offend.",
	"Damage to property or surroundings": "Damage to the member of staff's property or workplace.",
	"Entrapment": "Trying to trick or trap the member of staff.",
}


def ensure_abuse_types():
	for abuse_type, description in ABUSE_TYPES.items():
		if not frappe.db.exists("Fairness Abuse Type", abuse_type):
			frappe.get_doc(
				{"doctype": "Fairness Abuse Type", "abuse_type": abuse_type, "description": description}
			).insert(ignore_permissions=True)  # access: installer, runs as Administrator during install and migrate
