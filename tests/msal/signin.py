"""Microsoft's own authentication library, MSAL for Python, signs in to `exosh serve`
exactly as it signs in to Microsoft's identity platform.

Run by scripts/test in a virtual environment holding `msal` and `requests` from PyPI:

    python tests/msal/signin.py PATH/TO/exosh

It starts `exosh serve` over HTTPS (its self-signed certificate trusted by this test's
requests session alone: `trust_env` is off, so an environment's REQUESTS_CA_BUNDLE does
not override `verify`), registers an application's certificate made here, and checks:

- MSAL reads the OpenID discovery document (validate_authority=False,
  instance_discovery=False) and uses the endpoints it names;
- ConfidentialClientApplication gets a token by the client-credentials grant, with
  private_key + thumbprint (RS256, `x5t` base64url with `=` padding, `client_info` in
  the request) and with private_key + public_certificate (PS256, `x5t#S256`);
- PublicClientApplication.initiate_device_flow starts a device flow, which a signed-in
  user approves at /devicelogin, and acquire_token_by_device_flow gets the tokens;
- a token MSAL got drives exosh's Connect-ExchangeOnline -AccessToken over HTTPS, the
  server's certificate trusted through SSL_CERT_FILE.

Its last line is "N passed, N failed".
"""

import base64
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse

import msal
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

TENANT = "contoso.onmicrosoft.com"
ADMIN = "admin@contoso.onmicrosoft.com"
EXO_MODULE = "fb78d390-0c51-40cd-8e17-fdbfab77341b"
APP = "0c3a5d6e-7f81-4a92-b3c4-d5e6f7a8b9c0"
SCOPE = "https://outlook.office365.com/.default"

results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"))


def certificate_and_key():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "MSAL test application")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return cert, cert.public_bytes(serialization.Encoding.PEM).decode(), key_pem


class Server:
    """`exosh serve` on a free loopback port, over HTTPS with its self-signed certificate."""

    def __init__(self, exosh, env):
        self.process = subprocess.Popen(
            [exosh, "serve", "--listen", "127.0.0.1:0", "--poll-interval", "1"],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        match = re.search(r"(https://\S+?)/? for .*certificate (\S+)", line)
        if not match:
            self.stop()
            raise SystemExit(f"exosh serve did not start: {line!r}")
        self.base, self.certificate = match.group(1), match.group(2)
        # Keep reading the log so the server never blocks on a full pipe.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def session_trusting(certificate, sent):
    """A requests session that trusts only the server's certificate and records the
    bodies it sends."""
    session = requests.Session()
    session.trust_env = False
    session.verify = certificate

    def record(response, *args, **kwargs):
        sent.append((response.request.url, response.request.body or ""))

    session.hooks["response"].append(record)
    return session


def form_field(body, name):
    text = body.decode() if isinstance(body, bytes) else body
    return urllib.parse.parse_qs(text).get(name, [None])[0]


def jwt_header(token):
    part = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def approve(session, server, exosh, env, user_code):
    """A signed-in user approves the code at /devicelogin, with the server's own forms."""
    token = subprocess.run(
        [exosh, "token", ADMIN], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    page = session.get(f"{server.base}/devicelogin", params={"token": token})
    form_token = re.search(r'name="session" value="([^"]+)"', page.text).group(1)
    found = session.post(
        f"{server.base}/devicelogin", data={"code": user_code, "session": form_token}
    )
    done = session.post(
        f"{server.base}/devicelogin/decision",
        data={"code": user_code, "session": form_token, "decision": "approve"},
    )
    return found.status_code == 200 and "signed in" in done.text


def main():
    exosh = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="exosh-msal-")
    env = dict(os.environ)
    env.update(
        EXOSH_ORG=os.path.join(work, "org.db"),
        HOME=work,
        XDG_DATA_HOME=os.path.join(work, "data"),
        XDG_CONFIG_HOME=os.path.join(work, "config"),
        NO_COLOR="1",
    )
    cert, cert_pem, key_pem = certificate_and_key()
    with open(os.path.join(work, "app.pem"), "w") as f:
        f.write(cert_pem)
    added = subprocess.run(
        [exosh, "app", "add", APP, "--certificate", os.path.join(work, "app.pem")],
        env=env,
        capture_output=True,
        text=True,
    )
    check("exosh app add registers the certificate", added.returncode == 0, added.stderr)
    # The application's rights in Exchange (a role assignment), and a setting only the
    # server's organisation has: what the shell prints comes from it.
    subprocess.run(
        [
            exosh,
            "-NoProfile",
            "-Command",
            f"New-ManagementRoleAssignment -Role 'Mail Recipients' -App {APP} | Out-Null; "
            "Set-CASMailbox -Identity 'Ken Sanchez' -PopEnabled $false",
        ],
        env=env,
        check=True,
    )
    server = Server(exosh, env)
    try:
        run(server, exosh, env, cert, cert_pem, key_pem)
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def run(server, exosh, env, cert, cert_pem, key_pem):
    sent = []
    session = session_trusting(server.certificate, sent)
    authority = f"{server.base}/{TENANT}"

    # Client credentials with private_key + thumbprint: RS256 and x5t.
    def application(credential):
        return msal.ConfidentialClientApplication(
            APP,
            authority=authority,
            client_credential=credential,
            validate_authority=False,
            instance_discovery=False,
            http_client=session,
        )

    thumbprint = cert.fingerprint(hashes.SHA1()).hex()
    app = application({"private_key": key_pem, "thumbprint": thumbprint})
    result = app.acquire_token_for_client(scopes=[SCOPE])
    check("MSAL gets an application's token", "access_token" in result, result)
    urls = [url for url, _ in sent]
    check(
        "MSAL read the discovery document",
        f"{authority}/v2.0/.well-known/openid-configuration" in urls,
        urls,
    )
    token_posts = [body for url, body in sent if url == f"{authority}/oauth2/v2.0/token"]
    check("MSAL used the token endpoint discovery named", bool(token_posts), urls)
    if token_posts:
        body = token_posts[-1]
        header = jwt_header(form_field(body, "client_assertion"))
        check("the request carried client_info", form_field(body, "client_info") == "1", body)
        check(
            "the assertion was RS256 with x5t padded with '='",
            header.get("alg") == "RS256" and header.get("x5t", "").endswith("="),
            header,
        )

    # Client credentials with private_key + public_certificate: PS256 and x5t#S256.
    sent.clear()
    app_ps = application({"private_key": key_pem, "public_certificate": cert_pem})
    result_ps = app_ps.acquire_token_for_client(scopes=[SCOPE])
    check("MSAL gets a token with a PS256 assertion", "access_token" in result_ps, result_ps)
    bodies = [body for url, body in sent if url.endswith("/oauth2/v2.0/token")]
    if bodies:
        header = jwt_header(form_field(bodies[-1], "client_assertion"))
        check("that assertion named the certificate by x5t#S256", header.get("alg") == "PS256" and "x5t#S256" in header, header)

    # The device flow of a public client (the module's id), approved by a signed-in user.
    public = msal.PublicClientApplication(
        EXO_MODULE,
        authority=f"{server.base}/organizations",
        validate_authority=False,
        instance_discovery=False,
        http_client=session,
    )
    flow = public.initiate_device_flow(scopes=[SCOPE])
    check("initiate_device_flow starts a device flow", "user_code" in flow, flow)
    if "user_code" not in flow:
        return
    check(
        "its message names the page and the code",
        flow.get("message", "").endswith(f"enter the code {flow['user_code']} to authenticate."),
        flow.get("message"),
    )
    browser = session_trusting(server.certificate, [])
    check("a signed-in user approves the code", approve(browser, server, exosh, env, flow["user_code"]))
    user = public.acquire_token_by_device_flow(flow)
    check("acquire_token_by_device_flow gets the user's tokens", "access_token" in user, user)
    accounts = public.get_accounts()
    check("MSAL knows the account", [a.get("username") for a in accounts] == [ADMIN], accounts)

    # The token MSAL got drives exosh's Connect-ExchangeOnline over HTTPS. The shell has
    # an organisation of its own, where Ken's POP is on: "False" comes from the server.
    shell_env = dict(
        env,
        SSL_CERT_FILE=server.certificate,
        EXOSH_ORG=os.path.join(os.path.dirname(env["EXOSH_ORG"]), "shell.db"),
    )
    shell_env.pop("REQUESTS_CA_BUNDLE", None)
    script = (
        f"Connect-ExchangeOnline -AccessToken $env:MSAL_TOKEN -ConnectionUri {server.base} "
        "-ShowBanner:$false; (Get-CASMailbox -Identity 'Ken Sanchez').PopEnabled"
    )
    for who, token in (("the user's", user.get("access_token")), ("the application's", result.get("access_token"))):
        shell = subprocess.run(
            [exosh, "-NoProfile", "-Command", script],
            env=dict(shell_env, MSAL_TOKEN=token or ""),
            capture_output=True,
            text=True,
        )
        check(
            f"{who} token runs Get-CASMailbox through Connect-ExchangeOnline",
            shell.stdout.strip() == "False" and shell.returncode == 0,
            shell.stdout + shell.stderr,
        )


if __name__ == "__main__":
    sys.exit(main())
