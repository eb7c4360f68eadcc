"""The letters the policies require (X-4): to whom each is written and who signs it. The words are in each letter's
print format (fairness_app/fairness_app/print_format/), where a council can copy and change them, and translate them
into Welsh; the facts they need (names, dates, deadlines) are worked out in services/letters.py.

A letter is addressed to people by their part in the case, one page each, and signed by the first member of the case
team holding one of its signing roles, in order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

COMPLAINANT, SUBJECT = "Complainant", "Subject"
HANDLER, CASE_OFFICER, MANAGER = "Handles the case", "Case officer", "Manager"
INVESTIGATOR, CHAIR, APPEAL_OFFICER = "Investigator", "Complaint chair", "Appeal officer"

# How a signature names the signer's part in the case, in plain words.
SIGNING_TITLES = {
	HANDLER: "Manager handling the complaint",
	CASE_OFFICER: "Case officer",
	MANAGER: "Manager",
	INVESTIGATOR: "Investigating officer",
	CHAIR: "Chair of the complaint meeting",
	APPEAL_OFFICER: "Appeal officer",
}


@dataclass(frozen=True)
class Letter:
	key: str
	print_format: str  # the print format's name, as people choose it in the print view
	addressed_to: tuple[str, ...]  # parts in the case; the invitation and interview record name their own person
	signed_by: tuple[str, ...]  # team roles, the first one held signs
	requirements: tuple[str, ...]

	def signatory(self, team: Iterable[tuple[str, str]]) -> tuple[str, str] | None:
		"""The (user, team role) who signs, from the case team's (user, team role) pairs; None when nobody on the team
		holds a signing role yet, and the letter is signed for the council."""
		return first_holder(team, self.signed_by)


def first_holder(team: Iterable[tuple[str, str]], roles: tuple[str, ...]) -> tuple[str, str] | None:
	"""The first (user, team role) of the case team's pairs holding the first of `roles` anyone holds."""
	members = list(team)
	for role in roles:
		for user, team_role in members:
			if team_role == role:
				return user, role
	return None


ACKNOWLEDGEMENT = Letter(
	"acknowledgement",
	"Fairness Acknowledgement",
	(COMPLAINANT,),
	(HANDLER, MANAGER, CASE_OFFICER),
	("SOM-14", "DER-9", "FHB-4"),
)
INVITATION = Letter(
	"invitation",
	"Fairness Meeting Invitation",
	(),
	(CHAIR, INVESTIGATOR, APPEAL_OFFICER, HANDLER, CASE_OFFICER),
	("DER-4", "FHB-7", "FHB-12"),
)
SUBJECT_NOTIFICATION = Letter(
	"subject_notification",
	"Fairness Subject Notification",
	(SUBJECT,),
	(HANDLER, CASE_OFFICER, MANAGER),
	("FHB-6",),
)
INVESTIGATION = Letter(
	"investigation",
	"Fairness Investigation Letter",
	(COMPLAINANT, SUBJECT),
	(INVESTIGATOR, HANDLER, CASE_OFFICER),
	("DER-11", "DER-13"),
)
INTERVIEW_RECORD = Letter(
	"interview_record",
	"Fairness Interview Record",
	(),
	(INVESTIGATOR, HANDLER, CASE_OFFICER),
	("DER-14",),
)
OUTCOME = Letter(
	"outcome",
	"Fairness Outcome Letter",
	(COMPLAINANT,),
	(CHAIR, HANDLER, MANAGER, CASE_OFFICER),
	("FHB-9", "DER-16", "SOM-14"),
)
APPEAL_OUTCOME = Letter(
	"appeal_outcome",
	"Fairness Appeal Outcome",
	(COMPLAINANT, SUBJECT),
	(APPEAL_OFFICER, HANDLER, CASE_OFFICER),
	("DER-18", "FHB-12", "FHB-15"),
)
DELAY = Letter(
	"delay",
	"Fairness Delay Letter",
	(COMPLAINANT, SUBJECT),
	(HANDLER, INVESTIGATOR, CASE_OFFICER),
	("DER-3", "DER-13"),
)
SIX_MONTH_REVIEW = Letter(
	"six_month_review",
	"Fairness Six-Month Review",
	(COMPLAINANT, SUBJECT),
	(HANDLER, CASE_OFFICER, MANAGER),
	("DER-19",),
)

LETTERS = {
	letter.key: letter
	for letter in (
		ACKNOWLEDGEMENT,
		INVITATION,
		SUBJECT_NOTIFICATION,
		INVESTIGATION,
		INTERVIEW_RECORD,
		OUTCOME,
		APPEAL_OUTCOME,
		DELAY,
		SIX_MONTH_REVIEW,
	)
}

# What an outcome means, for the person reading the letter.
OUTCOME_MEANINGS = {
	"Upheld": "Your complaint has been upheld. This means we found that it is more likely than not that what you "
	"complained about happened.",
	"Partly upheld": "Your complaint has been partly upheld. This means we found that some of what you complained "
	"about is more likely than not to have happened, but not all of it.",
	"Not upheld": "Your complaint has not been upheld. This means we did not find enough to show that what you "
	"complained about is more likely than not to have happened. It does not mean we think you were not telling the "
	"truth.",
	"Withdrawn": "The complaint has been withdrawn, so we have stopped looking into it.",
	"Not completed": "We were not able to finish looking into the complaint.",
}
APPEAL_OUTCOME_MEANINGS = {
	"Upheld": "The appeal has been upheld. This means the earlier decision has been changed.",
	"Partly upheld": "The appeal has been partly upheld. This means part of the earlier decision has been changed.",
	"Not upheld": "The appeal has not been upheld. This means the earlier decision stays as it was.",
	"Withdrawn": "The appeal has been withdrawn, so the earlier decision stays as it was.",
}
