frappe.ui.form.on("Fairness Settings", {
	refresh(frm) {
		frappe.call("fairness_app.api.installed_plugins").then(({ message: plugins }) => {
			const items = (plugins || [])
				.map((p) => `<li><code>${frappe.utils.escape_html(p.name)}</code> (${frappe.utils.escape_html(p.package)})</li>`)
				.join("");
			frm.get_field("installed_plugins").$wrapper.html(
				items
					? `<p>${__("You can enable these plugins by name:")}</p><ul>${items}</ul>`
					: `<p>${__("No council plugins are installed on this server. The built-in rules apply.")}</p>`
			);
		});
	},
});
