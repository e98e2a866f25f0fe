namespace Hub.Simulators.TopDesk;

/// <summary>The two error bodies TOPdesk answers with.</summary>
public enum TopDeskErrorShape
{
    /// <summary><c>[{"message": "..."}]</c>, as the incident API answers.</summary>
    MessageList,

    /// <summary><c>{"errors": [{"errorCode", "appliesTo", "errorMessage"}]}</c>, as the supporting-files API answers.</summary>
    ErrorsObject,
}
