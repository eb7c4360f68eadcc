frappe.query_reports["Fairness Best Value"] = {
	filters: [
		{
			fieldname: "financial_year",
			label: __("Financial year"),
			fieldtype: "Data",
			description: __("Like 2026-27. Leave empty for this year."),
		},
		{
			fieldname: "population",
			label: __("Population of the area"),
			fieldtype: "Int",
			description: __("For BV174, the number recorded per 100,000 people. Leave empty to leave the rate out."),
		},
	],
};
