// Equality monitoring (SOM-9 part 2) is asked in a dialog and saved apart from the complaint: the form never
// holds the answers, and nobody working on the case can read them back.

frappe.ui.form.on("Fairness Complaint", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Equality monitoring (voluntary)"), () => ask_equality_questions(frm));
	},
});

function ask_equality_questions(frm) {
	frappe.call("fairness_app.api.equality_questions").then(({ message: questions }) => {
		const dialog = new frappe.ui.Dialog({
			title: __("Equality monitoring (voluntary)"),
			fields: [
				{
					fieldtype: "HTML",
					options: `<p>${__(
						"These questions are optional. The answers are kept apart from the complaint and only " +
							"used to count who makes complaints. Nobody working on the complaint can see them."
					)}</p>`,
				},
				{
					fieldname: "declined",
					fieldtype: "Check",
					label: __("They prefer not to answer any of these questions"),
				},
				...questions.map((question) => ({
					fieldname: question.fieldname,
					label: question.label,
					fieldtype: "Select",
					options: question.options,
					depends_on: "eval:!doc.declined",
				})),
			],
			primary_action_label: __("Save answers"),
			primary_action({ declined, ...answers }) {
				frappe
					.call({
						method: "fairness_app.api.record_equality_details",
						args: { case_doctype: frm.doctype, case: frm.doc.name, answers, declined: declined ? 1 : 0 },
					})
					.then(() => {
						dialog.hide();
						frappe.show_alert({ message: __("Equality answers saved"), indicator: "green" });
					});
			},
		});
		dialog.show();
	});
}
