package io.esbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code --help} of every command tells what its exit codes mean: scripts act on them. */
class HelpTest {

    @Test
    void everyCommandsHelpListsItsExitCodes() {
        CommandLine top = new CommandLine(new EsBridgeCommand());
        assertThat(top.getUsageMessage()).contains("Exit codes:").contains("2   could not run");
        Map<String, CommandLine> commands = top.getSubcommands();
        assertThat(commands).containsKeys("serve", "import", "replay", "sync", "status");
        commands.forEach((name, command) -> assertThat(command.getUsageMessage())
                .as(name)
                .contains("Exit codes:")
                .contains("2   could not run"));
        assertThat(commands.get("import").getUsageMessage()).contains("1   some records failed");
        assertThat(commands.get("status").getUsageMessage()).contains("1   failed records are waiting");
    }
}
