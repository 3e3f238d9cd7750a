using Casefile.Web.Cli;

return await CommandLine.RunAsync(args);

/// <summary>The one executable: <c>serve</c> (the default), or a command line tool. See <see cref="CommandLine"/>.</summary>
public partial class Program;
