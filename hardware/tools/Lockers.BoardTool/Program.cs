using Lockers.BoardTool.Cli;

// ./lockers board <command>: validate board files and draw their wiring diagrams.
return BoardToolCli.Run(args, Console.Out, Console.Error);
