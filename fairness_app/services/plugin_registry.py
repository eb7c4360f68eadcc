"""The site's plugins: built from its Fairness Settings, cached per site, rebuilt when the settings change, and
with plugin failures written to the Error Log without case text."""

import frappe

from fairness_app.plugins import FairnessPlugins, PluginCache, PluginFailure, SiteConfig

# One manager per site (a worker may serve several sites of one bench).
_cache = PluginCache()


def get_plugins() -> FairnessPlugins:
	return _cache.get(frappe.local.site, site_config(), report_failure)


def site_config() -> SiteConfig:
	settings = frappe.get_cached_doc("Fairness Settings")
	return settings.site_config()


def forget_site() -> None:
	"""Drop this worker's manager for the site; other workers notice the new settings on their next use."""
	_cache.forget(frappe.local.site)


def report_failure(failure: PluginFailure) -> None:
	# Always pass the message: without it Frappe stores a traceback with every frame's local variables,
	# which would include case text.
	frappe.log_error(title=f"Fairness plugin '{failure.plugin}' failed", message=failure.describe())
