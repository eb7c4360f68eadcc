frappe.query_reports["Fairness Timeliness"] = {
	filters: [
		{
			fieldname: "financial_year",
			label: __("Financial year"),
			fieldtype: "Data",
			description: __("Cases received in this year, like 2026-27. Leave empty for this year."),
		},
	],
};
