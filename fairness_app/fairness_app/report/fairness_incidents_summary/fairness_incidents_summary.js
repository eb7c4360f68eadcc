frappe.query_reports["Fairness Incidents Summary"] = {
	filters: [
		{
			fieldname: "financial_year",
			label: __("Financial year"),
			fieldtype: "Data",
			description: __("Like 2026-27. Leave empty for this year."),
		},
	],
};
