using Xunit;
using Xunit.Sdk;

namespace Hub.Adapters.Compliance;

/// <summary>
/// A compliance case: a fact that is reported as skipped, with the harness's reason, when the harness declares it
/// does not apply (<see cref="CaseDoesNotApplyException"/>). Any other outcome counts as usual.
/// </summary>
[XunitTestCaseDiscoverer("Hub.Adapters.Compliance.ComplianceCaseDiscoverer", "Hub.Adapters.Compliance")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ComplianceFactAttribute : FactAttribute
{
}
