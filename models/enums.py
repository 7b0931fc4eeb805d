"""The closed vocabularies of the domain, stored as short text codes."""

from __future__ import annotations

from enum import StrEnum


class PhaseState(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    DONE = "done"
    SKIPPED = "skipped"


class PhaseKind(StrEnum):
    """What the work area of a phase is for; later features attach behaviour to these."""

    CHALLENGE = "challenge"
    IDEAS = "ideas"
    CLUSTERS = "clusters"
    BACKING = "backing"
    VOTING = "voting"
    REVIEW = "review"
    ANALYSIS = "analysis"
    PLAN = "plan"
    DECISION = "decision"
    RESOURCES = "resources"
    SUPPORT = "support"
    REALISATION = "realisation"
    DISCUSSION = "discussion"


class Origin(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class ActorCategory(StrEnum):
    EMPLOYEE = "employee"
    CITIZEN = "citizen"
    USER = "user"
    BUSINESS = "business"
    ACADEMIA = "academia"
    CIVIL_SOCIETY = "civil_society"
    POLITICIAN = "politician"
    LEADER = "leader"
    OTHER = "other"


class IdeaType(StrEnum):
    PRODUCT = "product"
    SERVICE = "service"
    PROCESS = "process"
    METHOD = "method"


class Novelty(StrEnum):
    NEW_TO_US = "new_to_us"
    NEW_TO_COUNTRY = "new_to_country"
    NEW_TO_WORLD = "new_to_world"


class ChangeDepth(StrEnum):
    INCREMENTAL = "incremental"
    RADICAL = "radical"


class IdeaStatus(StrEnum):
    """How far along the 10-step model an idea has come."""

    PROPOSED = "proposed"
    BACKED = "backed"
    SHORTLISTED = "shortlisted"
    REVIEWED = "reviewed"
    ANALYSED = "analysed"
    PLANNED = "planned"
    DECIDED = "decided"
    RESOURCED = "resourced"
    REALISING = "realising"
    REALISED = "realised"
    PARKED = "parked"


class VotingMode(StrEnum):
    BOOTH = "booth"
    PHONES = "phones"
    PAPER = "paper"
    MIXED = "mixed"


class RoundState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    REVEALED = "revealed"


class Eligibility(StrEnum):
    ALL = "all"
    CLUSTERS = "clusters"
    LIST = "list"


class BallotSource(StrEnum):
    BOOTH = "booth"
    PHONE = "phone"


class ReviewFormat(StrEnum):
    STANDARD = "standard"
    PRE_MORTEM = "pre_mortem"
    SIX_HATS = "six_hats"


class NoteKind(StrEnum):
    STRENGTH = "strength"
    WEAKNESS = "weakness"
    RISK = "risk"
    QUESTION = "question"
    SUGGESTION = "suggestion"


class Recommendation(StrEnum):
    PROCEED = "proceed"
    REWORK = "rework"
    PARK = "park"


class ActionStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_POSSIBLE = "not_possible"
    HANDED_OVER = "handed_over"


class DecisionOutcome(StrEnum):
    GO = "go"
    NO = "no"
    POSTPONED = "postponed"
    DECLINED_IN_DOUBT = "declined_in_doubt"


class DecisionLevel(StrEnum):
    UNIT_MANAGER = "unit_manager"
    COMMITTEE = "committee"
    EXECUTIVE_BOARD = "executive_board"
    COUNCIL = "council"
    STAFF_MEETING = "staff_meeting"
    OTHER = "other"


class ResourceKind(StrEnum):
    MONEY = "money"
    HOURS = "hours"
    SUPPORT = "support"


class FollowUpKind(StrEnum):
    CHECK_IN = "check_in"
    SUPPORT = "support"
    REALISATION = "realisation"
    RECOGNITION = "recognition"
    LESSON = "lesson"
