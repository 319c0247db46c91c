"""Production mode: Bot Framework tokens validated against keys the test publishes through
a local OpenID metadata endpoint (run in a thread: the SDK fetches keys with blocking
``requests``)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from msrest.authentication import BasicTokenAuthentication

from bot.settings import Settings
from botframework.connector.auth import ServiceClientCredentialsFactory
from tests.botharness import TENANT, BotHarness, running_bot

APP_ID = "00000000-0000-0000-0000-00000000b07a"
ISSUER = "https://api.botframework.com"
KID = "test-key-1"


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


GOOD_KEY = _key()
OTHER_KEY = _key()


class _OpenId(BaseHTTPRequestHandler):
    base = ""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path.endswith("/openid"):
            body: dict[str, Any] = {"issuer": ISSUER, "jwks_uri": f"{self.base}/keys",
                                    "id_token_signing_alg_values_supported": ["RS256"]}
        else:
            jwk = json.loads(RSAAlgorithm.to_jwk(GOOD_KEY.public_key()))
            jwk.update(kid=KID, use="sig", endorsements=["msteams"])
            body = {"keys": [jwk]}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def openid_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OpenId)
    _OpenId.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{_OpenId.base}/openid"
    server.shutdown()


class StaticCredentials(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """Outbound credentials for the fake connector (no call to Entra)."""

    async def is_valid_app_id(self, app_id: str) -> bool:
        return app_id == APP_ID

    async def is_authentication_disabled(self) -> bool:
        return False

    async def create_credentials(self, app_id: str, oauth_scope: str, login_endpoint: str,
                                 validate_authority: bool) -> Any:
        return BasicTokenAuthentication({"access_token": "outbound-token"})


def token(service_url: str, *, key: rsa.RSAPrivateKey = GOOD_KEY, aud: str = APP_ID) -> str:
    now = int(time.time())
    claims = {"iss": ISSUER, "aud": aud, "serviceurl": service_url,
              "nbf": now - 10, "exp": now + 600}
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": KID})


@pytest.fixture
async def prod_bot(tmp_path: Path, openid_url: str) -> AsyncIterator[BotHarness]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'bot.db'}", app_id=APP_ID,
                        app_password="not-used-by-the-fake", app_tenant_id=TENANT,
                        openid_metadata_url=openid_url)
    async with running_bot(settings, credentials_factory=StaticCredentials()) as harness:
        yield harness


async def test_valid_token_is_accepted_and_the_reply_is_sent(prod_bot: BotHarness) -> None:
    bearer = {"Authorization": f"Bearer {token(prod_bot.connector.url)}"}
    status, _ = await prod_bot.post(prod_bot.activity("message", text="hjælp"), headers=bearer)
    assert status == 201
    sent = prod_bot.connector.sent
    assert sent and sent[-1].authorization == "Bearer outbound-token"


async def test_missing_token_is_refused(prod_bot: BotHarness) -> None:
    status, _ = await prod_bot.post(prod_bot.activity("message", text="hjælp"))
    assert status == 401
    assert prod_bot.connector.sent == []


async def test_bad_signature_is_refused(prod_bot: BotHarness) -> None:
    forged = token(prod_bot.connector.url, key=OTHER_KEY)
    status, _ = await prod_bot.post(prod_bot.activity("message", text="hjælp"),
                                    headers={"Authorization": f"Bearer {forged}"})
    assert status == 401
    assert prod_bot.connector.sent == []


async def test_wrong_audience_is_refused(prod_bot: BotHarness) -> None:
    other = token(prod_bot.connector.url, aud="11111111-2222-3333-4444-555555555555")
    status, _ = await prod_bot.post(prod_bot.activity("message", text="hjælp"),
                                    headers={"Authorization": f"Bearer {other}"})
    assert status == 401


async def test_foreign_tenant_is_refused(prod_bot: BotHarness) -> None:
    bearer = {"Authorization": f"Bearer {token(prod_bot.connector.url)}"}
    status, _ = await prod_bot.post(
        prod_bot.activity("message", text="hjælp", tenant="tenant-andet"), headers=bearer)
    assert status == 403
    assert prod_bot.connector.sent == []


def test_production_uses_the_sdks_public_cloud_authentication() -> None:
    """Setting one endpoint switches the SDK to its parameterized mode, which refuses
    every Teams token unless all endpoints are given: keep the default untouched."""
    from bot.adapter import make_authentication

    auth = make_authentication(Settings(app_id=APP_ID, app_password="p", app_tenant_id=TENANT))
    assert type(auth._inner).__name__ == "_PublicCloudBotFrameworkAuthentication"
