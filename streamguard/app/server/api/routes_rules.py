"""``/api/rules``: steward rules over HTTP, through the functions ``streamguard rules`` and ``request
apply-rules`` use (``services.control.rules_service``), and a preview that masks a sample record for
every audience (``services.preview``; the sample is neither stored nor logged)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from streamguard.app.server.api.context import Authenticated, Ctx, with_role
from streamguard.app.services import discovery
from streamguard.app.services.control import rules_service
from streamguard.app.services.control.callers import Caller
from streamguard.app.services.control.rules_service import DriftRow, RulesChange
from streamguard.app.services.preview import MAX_SAMPLE_BYTES, SHARED_SCANNER, AudienceView, SampleMasker
from streamguard.control.policy import Role
from streamguard.control.requests import Request, RulesText
from streamguard.control.rule_diff import FieldChange
from streamguard.core.rule_sets import RuleSetRecord

router = APIRouter(prefix="/api/rules", tags=["rules"])
Dataset = Annotated[str, Path(pattern=r"^[A-Za-z0-9._-]{1,200}$", description="A dataset (raw.<dataset>).")]
Steward = Annotated[Caller, Depends(with_role(Role.STEWARD, Role.ADMIN, doing="change or preview rules"))]
# Sampling reads raw records with the server's own credential: only the roles that write rules may ask for it.
Sampler = Annotated[Caller, Depends(with_role(Role.STEWARD, Role.ADMIN, doing="sample a topic"))]


class RulesDiffBody(BaseModel):
    dataset: str
    before_version: str | None
    after_version: str
    reduces_protection: bool
    changes: list[FieldChange]


class RulesSubmission(BaseModel):
    rules_yaml: str = Field(min_length=1, max_length=1_000_000, description="The steward rules (YAML).")
    source_name: str = Field(default="rules.yaml", pattern=r"^[!-~]{1,200}$", description="Named in errors.")
    avro_schema_json: str | None = Field(default=None, max_length=1_000_000)
    key_avro_schema_json: str | None = Field(default=None, max_length=1_000_000)
    reason: str = Field(default="", max_length=2000)
    refuse_loosening: bool = Field(
        default=False, description="Refuse rules that reduce protection (403) instead of asking for approval."
    )

    def text(self) -> RulesText:
        return RulesText.model_validate(self.model_dump(exclude={"reason", "refuse_loosening"}))


class RulesOutcome(BaseModel):
    """Published at once (``applied``; None with no request: unchanged) or waiting (``request``)."""

    diff: RulesDiffBody
    applied: RuleSetRecord | None = None
    applied_version: int | None = None
    request: Request | None = None


def rules_outcome(change: RulesChange) -> RulesOutcome:
    applied = change.record
    return RulesOutcome(
        diff=diff_body(change.diff),
        applied=applied,
        applied_version=applied.version if applied else None,
        request=change.request,
    )


class DiscoverRequest(BaseModel):
    topic: str = Field(pattern=r"^[A-Za-z0-9._-]{1,249}$", description="The topic to sample (read-only).")
    records: int = Field(default=500, ge=1, le=discovery.MAX_RECORDS, description="How many records to sample.")
    newest: bool = Field(default=True, description="Each partition's newest records (else its oldest).")


class ProposedRule(BaseModel):
    path: str
    class_: str = Field(alias="class")
    action: str | None
    params: dict[str, Any]
    evidence: str = Field(description="Why: counts and shares, never a sampled value.")


class DiscoveryBody(BaseModel):
    topic: str
    dataset: str
    format: str
    records_sampled: int
    undecodable: int
    fields: list[ProposedRule]
    key: list[ProposedRule]
    rules_yaml: str = Field(description="The draft rules file, each proposal's evidence as a comment.")
    schema_text: str | None = Field(description="The records' writer schema, to validate the draft with.")
    key_schema_text: str | None


class Sample(BaseModel):
    record_json: str = Field(max_length=MAX_SAMPLE_BYTES, description="One record as JSON (not stored or logged).")
    version: int | None = Field(default=None, ge=1, description="A rules version (default: the one in force).")


def diff_body(diff: Any) -> RulesDiffBody:
    return RulesDiffBody.model_validate(diff.to_json())


@router.get("", summary="The rules version in force for each dataset")
def in_force(ctx: Ctx, caller: Authenticated) -> list[RuleSetRecord]:
    return rules_service.in_force(ctx.settings)


@router.get("/{dataset}/versions", summary="A dataset's rules versions, oldest first")
def versions(ctx: Ctx, caller: Authenticated, dataset: Dataset) -> list[RuleSetRecord]:
    return rules_service.versions_of(ctx.settings, dataset)


@router.get("/{dataset}/versions/{version}", summary="One rules version as published")
def version(ctx: Ctx, caller: Authenticated, dataset: Dataset, version: Annotated[int, Path(ge=1)]) -> RuleSetRecord:
    return rules_service.version_of(ctx.settings, dataset, version)


@router.get("/{dataset}/diff", summary="What each audience sees differently under one version than another")
def diff(
    ctx: Ctx,
    caller: Authenticated,
    dataset: Dataset,
    from_version: Annotated[int, Query(alias="from", ge=1)],
    to_version: Annotated[int, Query(alias="to", ge=1)],
) -> RulesDiffBody:
    return diff_body(rules_service.diff_versions(ctx.settings, dataset, from_version, to_version))


@router.get("/{dataset}/drift", summary="Fields writer schemas had that the rules were not validated with")
def drift(ctx: Ctx, caller: Authenticated, dataset: Dataset) -> list[DriftRow]:
    return rules_service.drift(ctx.settings, dataset)


@router.post("", summary="Apply rules: at once if they reduce no protection, else a request for approval")
def submit(ctx: Ctx, caller: Authenticated, body: RulesSubmission) -> RulesOutcome:
    change = rules_service.submit(
        ctx.settings, ctx.proposed_policy(), caller, body.text(), body.reason, refuse_loosening=body.refuse_loosening
    )
    return rules_outcome(change)


@router.post("/discover", summary="Sample a topic read-only and draft rules for it (the run is audited)")
def discover(ctx: Ctx, caller: Sampler, body: DiscoverRequest) -> DiscoveryBody:
    found = discovery.discover(ctx.settings, caller.actor, body.topic, body.records, body.newest, SHARED_SCANNER)
    return DiscoveryBody.model_validate(
        {
            **discovery.as_json(found),
            "rules_yaml": found.rules_yaml,
            "schema_text": found.schema_text,
            "key_schema_text": found.key_schema_text,
        }
    )


@router.post("/{dataset}/preview", summary="Mask a sample record for every audience (nothing is kept)")
def preview(ctx: Ctx, caller: Steward, dataset: Dataset, body: Sample) -> list[AudienceView]:
    record = rules_service.version_of(ctx.settings, dataset, body.version)
    return SampleMasker.for_version(record, SHARED_SCANNER).views(body.record_json)
