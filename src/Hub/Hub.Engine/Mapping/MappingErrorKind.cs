namespace Hub.Engine.Mapping;

/// <summary>What kind of mistake a mapping file holds; tools and tests tell errors apart by it.</summary>
public enum MappingErrorKind
{
    DirectoryNotFound,
    NoMappingFiles,
    UnreadableFile,
    InvalidJson,
    DuplicateProperty,
    MissingRequiredField,
    UnknownProperty,
    SchemaViolation,
    DuplicateSystem,
    UnknownSystem,
    UnknownCanonicalValue,
    PassThroughNotAllowed,
    DuplicateInboundValue,
    DuplicateOutboundValue,
    DuplicateRoute,
    RouteToItself,
    UnknownRouteField,
    OwnerNotOnRoute,
    DuplicateContractor,
    ContractorConflict,
    DuplicateTemplate,
    UnknownPlaceholder,
    TokenMissingFromSubject,
    DuplicatePhrases,
    DuplicateMilestones,
    MissingMilestoneLanguage,
    MissingMilestoneText,
}
