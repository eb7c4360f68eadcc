"""Requests through Frappe's own request handling, signed in as a given user: the channels a browser, an
integration or a curious colleague reaches (/api/resource, /api/method, /private/files), not the Python API.

Each request runs in its own thread with its own database connection, as a real request would, so the records it
should see must be committed first.
"""

import json
from threading import Thread
from unittest.mock import patch

import frappe
from frappe.utils import get_test_client


class SiteClient:
	def __init__(self, user: str):
		self.user = user
		self.headers = {"Authorization": f"token {_api_token(user)}"}
		self.client = get_test_client(use_cookies=False)

	def get(self, path: str, **params):
		return self._request(self.client.get, path, query_string=_encoded(params))

	def put(self, path: str, data: dict):
		return self._request(self.client.put, path, json=data)

	def post(self, path: str, data: dict):
		return self._request(self.client.post, path, json=data)

	def call(self, method: str, **params):
		"""The `message` of a whitelisted method, or the response itself when the call was refused."""
		response = self.get(f"/api/method/{method}", **params)
		return response.json.get("message") if response.status_code == 200 else response

	def resource(self, doctype: str, name: str | None = None, **params):
		return self.get(f"/api/resource/{doctype}" + (f"/{name}" if name else ""), **params)

	def _request(self, send, path: str, **kwargs):
		site, response = frappe.local.site, {}

		def run():
			with patch("frappe.app.get_site_name", return_value=site):
				response["value"] = send(path, headers=self.headers, **kwargs)

		thread = Thread(target=run)
		thread.start()
		thread.join()
		return response["value"]


def _encoded(params: dict) -> dict:
	return {key: value if isinstance(value, str) else json.dumps(value) for key, value in params.items()}


def _api_token(user: str) -> str:
	"""An API key and secret for `user`, committed so that request threads can authenticate with them."""
	doc = frappe.get_doc("User", user)
	secret = frappe.generate_hash(length=15)
	doc.api_key = doc.api_key or frappe.generate_hash(length=15)
	doc.api_secret = secret
	doc.save(ignore_permissions=True)
	frappe.db.commit()  # the request thread reads the key through its own connection
	return f"{doc.api_key}:{secret}"
