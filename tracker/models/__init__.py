from .calendar import Deadline, ReportingRule
from .organisation import Area, EffectiveQuerySet, Unit, User
from .plans import (
    OPEN_STATUSES,
    Activity,
    ActivityType,
    Cooperation,
    Indicator,
    OutputIndicator,
    Plan,
    PlanDuty,
    PlanLegalBasis,
    Progress,
    Target,
    Task,
)
from .programme import LegalDocument, ProgrammeComponent

__all__ = [
    "OPEN_STATUSES",
    "Activity",
    "ActivityType",
    "Area",
    "Cooperation",
    "Deadline",
    "EffectiveQuerySet",
    "Indicator",
    "LegalDocument",
    "OutputIndicator",
    "Plan",
    "PlanDuty",
    "PlanLegalBasis",
    "ProgrammeComponent",
    "Progress",
    "ReportingRule",
    "Target",
    "Task",
    "Unit",
    "User",
]
