"""TLS material of the local broker, generated once under ``<home>/kafka/tls`` with ``cryptography``.

A private CA (``ca.pem``: what clients trust, ``STREAMGUARD_SSL_CAFILE`` by default for the local broker) and
the broker's key and certificate chain in one PEM file (``broker.pem``: Kafka's PEM keystore), valid for
127.0.0.1 and localhost. Private keys are written with mode 0600 and never printed.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

VALID_DAYS = 825


@dataclass(frozen=True)
class BrokerTls:
    ca_file: Path  # the CA certificate clients trust
    keystore: Path  # the broker's private key and certificate chain, PEM


def ensure_broker_tls(folder: Path) -> BrokerTls:
    """The CA and broker certificate under ``folder``, made on first use (idempotent)."""
    tls = BrokerTls(folder / "ca.pem", folder / "broker.pem")
    if tls.ca_file.exists() and tls.keystore.exists():
        return tls
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, ca_cert = make_ca("streamguard local CA")
    broker_key = ec.generate_private_key(ec.SECP256R1())
    broker_cert = sign_server_certificate(ca_key, ca_cert, broker_key, "127.0.0.1")
    _write_private(folder / "ca-key.pem", _pem_key(ca_key))
    _write_private(tls.keystore, _pem_key(broker_key) + _pem_cert(broker_cert) + _pem_cert(ca_cert))
    tls.ca_file.write_bytes(_pem_cert(ca_cert))
    return tls


def make_ca(name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A self-signed CA key and certificate."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    cert = (
        _builder(subject, subject, key.public_key())
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def sign_server_certificate(
    ca_key: ec.EllipticCurvePrivateKey, ca_cert: x509.Certificate, key: ec.EllipticCurvePrivateKey, host: str
) -> x509.Certificate:
    """A server certificate for ``host`` (an IP address) and localhost, signed by the CA."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    names = [x509.IPAddress(ipaddress.ip_address(host)), x509.DNSName("localhost")]
    return (
        _builder(subject, ca_cert.subject, key.public_key())
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )


def _builder(subject: x509.Name, issuer: x509.Name, public_key: ec.EllipticCurvePublicKey) -> x509.CertificateBuilder:
    now = datetime.datetime.now(datetime.UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
    )


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _pem_cert(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _write_private(path: Path, data: bytes) -> None:
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as private:
        private.write(data)
