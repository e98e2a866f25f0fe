using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hub.Adapters.Compliance;

/// <summary>Finds the cases marked <see cref="ComplianceFactAttribute"/>.</summary>
public sealed class ComplianceCaseDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new ComplianceCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

/// <summary>Runs one compliance case and reports a <see cref="CaseDoesNotApplyException"/> as a skip with its reason.</summary>
public sealed class ComplianceCase : XunitTestCase
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("For the test runner's deserialisation only.", error: true)]
    public ComplianceCase()
    {
    }

    public ComplianceCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var bus = new NotApplicableAsSkipped(messageBus);
        var summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource);
        summary.Failed -= bus.Skipped;
        summary.Skipped += bus.Skipped;
        return summary;
    }

    private sealed class NotApplicableAsSkipped(IMessageBus inner) : IMessageBus
    {
        private static readonly string NotApplicable = typeof(CaseDoesNotApplyException).FullName!;

        public int Skipped { get; private set; }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestFailed failed && failed.ExceptionTypes.FirstOrDefault() == NotApplicable)
            {
                Skipped++;
                return inner.QueueMessage(new TestSkipped(failed.Test, "does not apply: " + failed.Messages.FirstOrDefault()));
            }

            return inner.QueueMessage(message);
        }

        public void Dispose()
        {
            // the runner owns the inner bus
        }
    }
}
