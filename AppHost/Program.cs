using Orchestrator.Api;
using Orchestrator.Hosting;

var builder = DistributedApplication.CreateBuilder(args).AddOrchestrator();

builder.Build().Run();
