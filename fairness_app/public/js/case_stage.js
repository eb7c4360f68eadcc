// A workflow action that needs a reason (going back a stage, reopening, putting on hold, withdrawing) asks for it
// first and saves it on the case; the server keeps it in the stage history. See services/transitions.py.

for (const doctype of ["Fairness Complaint", "Fairness Incident"]) {
	frappe.ui.form.on(doctype, {
		before_workflow_action(frm) {
			const action = frm.selected_workflow_action;
			const workflow = frappe.workflow.workflows[frm.doctype];
			const needs_reason = (workflow?.transitions || []).some(
				(move) =>
					move.state === frm.doc.workflow_state &&
					move.action === action &&
					move.fairness_reason_required
			);
			if (!needs_reason || (frm.doc.stage_change_reason || "").trim()) return;
			frappe.dom.unfreeze();
			return new Promise((resolve) => {
				frappe.prompt(
					{
						fieldname: "reason",
						fieldtype: "Small Text",
						label: __("Why?"),
						description: __("This is kept in the case's stage history."),
						reqd: 1,
					},
					({ reason }) => {
						frappe.dom.freeze();
						frm.set_value("stage_change_reason", reason)
							.then(() => frm.save())
							.then(resolve);
					},
					__("{0}: say why", [__(action)]),
					__("Continue")
				);
			});
		},
	});
}
