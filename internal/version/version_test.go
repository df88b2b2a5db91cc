package version

import (
	"runtime/debug"
	"testing"
)

func TestFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		info debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "2c6f25a0b1c2d3e4f5"}, {Key: "vcs.modified", Value: "true"}}}, "devel-2c6f25a0b1c2+dirty"},
		{debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}}}, "devel-abc"},
	} {
		if got := fromBuildInfo(&tc.info); got != tc.want {
			t.Errorf("fromBuildInfo(%+v) = %q, want %q", tc.info, got, tc.want)
		}
	}
}
