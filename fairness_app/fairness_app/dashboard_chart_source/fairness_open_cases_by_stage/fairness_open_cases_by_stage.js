frappe.provide("frappe.dashboards.chart_sources");

// Counted on the server over the cases the reader may open, and never cached between readers.
frappe.dashboards.chart_sources["Fairness Open Cases by Stage"] = {
	method: "fairness_app.services.dashboard.open_cases_by_stage",
	filters: [],
};
