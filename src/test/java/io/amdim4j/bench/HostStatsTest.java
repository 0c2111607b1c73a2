package io.amdim4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HostStatsTest {

    @Test
    void readsTheKilobyteFieldOfAStatusText() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  100 kB\n";
        assertThat(HostStats.statusKilobytes(status, HostStats.PEAK_RSS_KEY).getAsDouble()).isEqualTo(204800);
        assertThat(HostStats.statusKilobytes(status, "VmSwap")).isEmpty();
        assertThat(HostStats.firstNumber("2.14 3.54 2.70 3/412 9999\n").getAsDouble()).isEqualTo(2.14);
    }

    @Test
    void onLinuxThePeakIsAtLeastTheCurrentResidentSet() throws Exception {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isReadable(status), "no /proc on this OS");
        double rssKb = HostStats.statusKilobytes(Files.readString(status), "VmRSS").getAsDouble();
        assertThat(HostStats.peakResidentMb().getAsDouble()).isGreaterThanOrEqualTo(rssKb / 1024 * 0.99).isPositive();
        assertThat(HostStats.loadAverage()).isPresent();
    }
}
