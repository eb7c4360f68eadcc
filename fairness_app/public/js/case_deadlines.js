// The case's deadlines on its form: what the complainant is waiting for and by when (SOM-14, CUM-9), and a way to
// give a deadline a later date with the reason the people waiting will be told (DER-3, DER-13).
// See services/deadlines.py.

for (const doctype of ["Fairness Complaint", "Fairness Incident"]) {
	frappe.ui.form.on(doctype, {
		refresh(frm) {
			if (frm.is_new()) return;
			show_next_steps(frm);
			const open = (frm.doc.clocks || []).filter((row) => !["Met", "Cancelled"].includes(row.status));
			if (open.length && frm.perm[0]?.write) {
				frm.add_custom_button(__("Extend a deadline"), () => ask_new_deadline(frm, open));
			}
		},
	});
}

function show_next_steps(frm) {
	const steps = frm.doc.__onload?.next_steps || [];
	if (!steps.length) return;
	const items = steps
		.map(
			(step) =>
				`<li>${frappe.utils.escape_html(step.text)} <strong>${
					step.by ? __("By {0}.", [frappe.utils.escape_html(step.by)]) : __("On hold for now.")
				}</strong></li>`
		)
		.join("");
	// Not permanent: the dashboard clears it on every refresh, so it always shows the deadlines as saved.
	frm.dashboard.add_comment(
		`<p>${__("What happens next, as the complainant should be told:")}</p><ul>${items}</ul>`,
		"blue"
	);
}

function ask_new_deadline(frm, open) {
	const in_hours = open.filter((row) => row.due_at).map((row) => row.rule_key);
	const dialog = new frappe.ui.Dialog({
		title: __("Extend a deadline"),
		fields: [
			{
				fieldname: "deadline",
				fieldtype: "Select",
				label: __("Deadline"),
				options: open.map((row) => ({ value: row.rule_key, label: __(row.label) })),
				default: open[0].rule_key,
				reqd: 1,
			},
			{
				fieldname: "new_due",
				fieldtype: "Date",
				label: __("New date"),
				depends_on: `eval:!${JSON.stringify(in_hours)}.includes(doc.deadline)`,
			},
			{
				fieldname: "new_due_at",
				fieldtype: "Datetime",
				label: __("New date and time"),
				depends_on: `eval:${JSON.stringify(in_hours)}.includes(doc.deadline)`,
			},
			{
				fieldname: "reason",
				fieldtype: "Small Text",
				label: __("Why it cannot be met"),
				description: __("The people waiting are told this reason and the new date."),
				reqd: 1,
			},
		],
		primary_action_label: __("Extend"),
		primary_action({ deadline, new_due, new_due_at, reason }) {
			frappe
				.call({
					method: "fairness_app.api.extend_deadline",
					args: {
						case_doctype: frm.doctype,
						case: frm.doc.name,
						deadline,
						new_due: in_hours.includes(deadline) ? new_due_at : new_due,
						reason,
					},
					freeze: true,
				})
				.then(() => {
					dialog.hide();
					frm.reload_doc();
					frappe.show_alert({ message: __("Deadline extended"), indicator: "green" });
				});
		},
	});
	dialog.show();
}
