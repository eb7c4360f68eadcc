frappe.query_reports["Fairness Committee Table"] = {
	filters: [
		{
			fieldname: "financial_year",
			label: __("Financial year"),
			fieldtype: "Data",
			description: __("Like 2026-27. Leave empty for this year."),
		},
		{
			fieldname: "cases",
			label: __("Complaints"),
			fieldtype: "Select",
			options: "Received in the year\nOutstanding from earlier years",
			default: "Received in the year",
		},
	],
};
