"""Covering emails for sending the letters (X-4): Email Templates chosen in the case's email dialog, each named like
the letter's print format, which the email attaches ("Attach Document Print"). Installed where missing, so that a
council's own wording survives every `bench migrate`.

The email itself names nobody and says nothing about the complaint: emails get forwarded and read over shoulders,
and the attached letter carries what the reader needs to know.
"""

import frappe

from fairness_app.procedure.letters import LETTERS

EMAIL_TEMPLATE = "Email Template"
WARNING_LETTER = "Fairness Warning Letter"  # printed from a warning marker, which has no case reference
HELP = (
	"If you cannot open the letter, or you need it in another language, in large print or read to you, reply to "
	"this email or phone us"
)
HELP_WITH_REFERENCE = HELP + ", and give the reference {{ reference }}."

# By letter about a case: the subject (the reference follows it) and what the email says the attached letter is.
COVERING_EMAILS = {
	"acknowledgement": (
		"We have received your complaint",
		"Thank you for your complaint. The attached letter says who is dealing with it and what happens next.",
	),
	"invitation": (
		"An invitation to a meeting",
		"The attached letter invites you to a meeting. It says when and where it is, and who can come with you. "
		"Please let us know whether you can come.",
	),
	"subject_notification": (
		"A complaint that concerns you",
		"The attached letter tells you about a complaint that concerns you and what happens next. It also says "
		"where you can get support.",
	),
	"investigation": (
		"The investigation of a complaint",
		"The attached letter explains how the complaint will be investigated and what happens next.",
	),
	"interview_record": (
		"The record of your interview, to check and sign",
		"The attached letter is about the written record of your interview. Please check the record, then sign it "
		"and send it back, or tell us what should be changed.",
	),
	"outcome": (
		"The outcome of your complaint",
		"The attached letter gives the outcome of your complaint, the reasons for it, and how to appeal if you "
		"are unhappy with it.",
	),
	"appeal_outcome": ("The outcome of the appeal", "The attached letter gives the outcome of the appeal."),
	"delay": (
		"A new date for the complaint",
		"The attached letter explains why something is taking longer than planned, and gives the new date.",
	),
	"six_month_review": (
		"Six months on: how are things now?",
		"The attached letter asks how things have been since the complaint was dealt with. Your answers help us "
		"do better.",
	),
}


# The warning letter's (CUM-6, KEN-8): it says nothing of what happened, as the subject line of a warning could
# shame the reader in front of anyone who sees their inbox.
WARNING_EMAIL = (
	"A letter from the council",
	"Please read the attached letter. It explains a decision we have made about how you and our staff deal with "
	"each other, and what you can do if you disagree.",
)


def covering_emails() -> dict[str, tuple[str, str]]:
	"""By print format: the subject and the body of its covering email."""
	emails = {
		LETTERS[key].print_format: (subject + " ({{ reference }})", _body(says, HELP_WITH_REFERENCE))
		for key, (subject, says) in COVERING_EMAILS.items()
	}
	subject, says = WARNING_EMAIL
	return {**emails, WARNING_LETTER: (subject, _body(says, HELP + "."))}


def _body(says: str, help_text: str) -> str:
	return f"<p>Hello,</p><p>{says}</p><p>{help_text}</p>"


def ensure_email_templates() -> None:
	for name, (subject, response) in covering_emails().items():
		if frappe.db.exists(EMAIL_TEMPLATE, name):
			continue
		frappe.get_doc({"doctype": EMAIL_TEMPLATE, "subject": subject, "response": response}).insert(
			set_name=name, ignore_permissions=True  # access: installer, as Administrator
		)
