"""Imports every table so that ``Base.metadata`` is complete wherever it is needed."""

from models.base import Base
from models.idea import Backing, Idea, IdeaImage, IdeaMerge, idea_giver
from models.plan import Action, Decision, DevelopmentPlan, FollowUpEntry, ResourceAllocation
from models.review import Analysis, Review, ReviewNote
from models.voting import (
    Ballot,
    PaperTally,
    ShortlistEntry,
    TieResolution,
    Vote,
    VotingRound,
    round_cluster,
    round_idea,
)
from models.workshop import Cluster, Participant, Phase, Workshop

__all__ = [
    "Action",
    "Analysis",
    "Backing",
    "Ballot",
    "Base",
    "Cluster",
    "Decision",
    "DevelopmentPlan",
    "FollowUpEntry",
    "Idea",
    "IdeaImage",
    "IdeaMerge",
    "PaperTally",
    "Participant",
    "Phase",
    "ResourceAllocation",
    "Review",
    "ReviewNote",
    "ShortlistEntry",
    "TieResolution",
    "Vote",
    "VotingRound",
    "Workshop",
    "idea_giver",
    "round_cluster",
    "round_idea",
]
