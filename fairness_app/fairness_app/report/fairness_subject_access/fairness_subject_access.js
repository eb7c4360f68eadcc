frappe.query_reports["Fairness Subject Access"] = {
	filters: [
		{
			fieldname: "person",
			label: __("Name or email address"),
			fieldtype: "Data",
			reqd: 1,
			description: __(
				"Everyone whose name or email address contains this. Each line says where something about them is held."
			),
		},
	],
};
