namespace Hub.Adapters.Email.Inbound;

/// <summary>
/// The hub's own state (its database, through the adapter state store) failed while a reply was matched to its work
/// order. Not the mail's fault: the poll ends without it, the mail stays in the inbox and the next poll reads it again,
/// instead of being set aside as unreadable.
/// </summary>
internal sealed class HubStateUnavailableException(string systemName, Exception failure)
    : Exception($"System '{systemName}': the hub's own state could not be read while matching a reply to its work order " +
                $"({failure.GetType().Name}: {failure.Message}); the reply stays in the inbox and is read again at the next poll.", failure);
