frappe.query_reports["Fairness Departmental Return"] = {
	filters: [
		{
			fieldname: "financial_year",
			label: __("Financial year"),
			fieldtype: "Data",
			description: __("Like 2026-27. Leave empty for this year."),
		},
		{
			fieldname: "quarter",
			label: __("Quarter"),
			fieldtype: "Select",
			options: "\nApril to June\nJuly to September\nOctober to December\nJanuary to March",
			description: __("Leave empty for this quarter."),
		},
	],
};
