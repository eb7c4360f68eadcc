"""Posting a notice to a council's webhook (Microsoft Teams, an incident portal): short timeouts, and failures
described without the address, which carries the webhook's secret."""

from urllib.parse import urlsplit

import requests

TIMEOUT = (5, 10)  # seconds to connect, seconds to answer
GIVE_UP_AT_ONCE = frozenset(range(400, 500)) - {408, 425, 429}  # the request itself is wrong: retrying cannot help


class WebhookFailed(Exception):
	"""A post that did not get through. The message names the host only, never the address."""

	def __init__(self, reason: str, retry: bool = True):
		super().__init__(reason)
		self.retry = retry


def post(url: str, payload: dict) -> None:
	host = urlsplit(url).hostname or "the webhook"
	try:
		response = requests.post(url, json=payload, timeout=TIMEOUT, allow_redirects=False)
	except requests.Timeout:
		raise WebhookFailed(f"{host} did not answer within {sum(TIMEOUT)} seconds") from None
	except requests.RequestException as error:
		# The exception's own text repeats the address, so only its kind is kept.
		raise WebhookFailed(f"{host} could not be reached ({type(error).__name__})") from None
	if not 200 <= response.status_code < 300:
		status = response.status_code
		raise WebhookFailed(f"{host} answered {status} {response.reason or ''}".strip(), retry=status not in GIVE_UP_AT_ONCE)
