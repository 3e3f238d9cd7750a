[assembly: AssemblyFixture(typeof(Casefile.Web.Tests.Infrastructure.TestApps))]
