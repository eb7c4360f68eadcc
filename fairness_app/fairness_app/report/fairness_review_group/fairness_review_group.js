frappe.query_reports["Fairness Review Group"] = {
	filters: [
		{
			fieldname: "financial_year",
			label: __("Financial year"),
			fieldtype: "Data",
			description: __("Like 2026-27. Leave empty for this year."),
		},
		{
			fieldname: "half",
			label: __("Half year"),
			fieldtype: "Select",
			options: "\nApril to September\nOctober to March",
			description: __("Leave empty for this half year."),
		},
	],
};
