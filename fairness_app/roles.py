"""The roles the policies name. One place for their spelling: permissions, routes and the installer use these."""

INTAKE_OFFICER = "Fairness Intake Officer"  # any member of staff recording a report (SOM-16)
LINE_MANAGER = "Fairness Line Manager"
CASE_OFFICER = "Fairness Case Officer"  # HR officer, ER consultant, EHA, corporate personnel adviser
INVESTIGATOR = "Fairness Investigator"
COMPLAINT_CHAIR = "Fairness Complaint Chair"  # FHB-8
APPEAL_OFFICER = "Fairness Appeal Officer"
HEALTH_AND_SAFETY_OFFICER = "Fairness Health and Safety Officer"
ASSISTANT_DIRECTOR = "Fairness Assistant Director"  # CUM-7
MONITORING_OFFICER = "Fairness Monitoring Officer"  # sees anonymised figures only
ADMINISTRATOR = "Fairness Administrator"

ALL = (
	INTAKE_OFFICER,
	LINE_MANAGER,
	CASE_OFFICER,
	INVESTIGATOR,
	COMPLAINT_CHAIR,
	APPEAL_OFFICER,
	HEALTH_AND_SAFETY_OFFICER,
	ASSISTANT_DIRECTOR,
	MONITORING_OFFICER,
	ADMINISTRATOR,
)
