@echo off
rem MCP Workbench launcher for Windows. No arguments: the desktop app. With a subcommand: the CLI.
rem The same choices as the POSIX launcher (mcp-workbench): a JDK 21+ from JAVA_HOME or the PATH,
rem JavaFX as named modules from the module path, and the desktop options of
rem installers/desktop-java-options.sh (each silences a warning the JVM would print at every start).
setlocal EnableDelayedExpansion
set "HERE=%~dp0"
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java")
set "MAJOR="
for /f "tokens=3" %%v in ('"%JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do set "VERSION=%%~v"
if defined VERSION for /f "delims=." %%m in ("%VERSION%") do set "MAJOR=%%m"
if not defined MAJOR (echo mcp-workbench: no java found: install a JDK 21 or newer and set JAVA_HOME to it 1>&2 & exit /b 2)
if %MAJOR% LSS 21 (echo mcp-workbench: java %MAJOR% is too old: set JAVA_HOME to a JDK 21 or newer 1>&2 & exit /b 2)
set "JAR=%HERE%app\target\mcp-workbench.jar"
set "LIB=%HERE%app\target\lib"
if not exist "%JAR%" (
  echo mcp-workbench: building on first use... 1>&2
  pushd "%HERE%" && call mvnw.cmd -B -q -DskipTests -pl app -am package & popd
  if errorlevel 1 (echo mcp-workbench: build failed 1>&2 & exit /b 2)
  rem the JVM refuses, and does not rewrite, a class-data archive recorded against other jars
  del /q "%HERE%app\target\desktop.jsa" "%HERE%app\target\cli.jsa" 2>nul
)
set "DESKTOP="
if "%~1"=="" set "DESKTOP=yes"
if "%~1"=="--self-test" set "DESKTOP=yes"
echo(%~1| findstr /b /c:"--self-test=" /c:"--self-test-cycles=" >nul && set "DESKTOP=yes"
if not defined DESKTOP goto cli

rem The desktop: the platform JavaFX jars (javafx-base-21-win.jar...) on the module path, the rest on the class path.
set "FX="
set "CP=%JAR%"
for %%f in ("%LIB%\*.jar") do (
  set "NAME=%%~nf"
  if /i "!NAME:~0,7!"=="javafx-" (
    if /i "!NAME:~-4!"=="-win" set "FX=!FX!;%%f"
  ) else (
    set "CP=!CP!;%%f"
  )
)
set "OPTS=--enable-native-access=javafx.graphics,ALL-UNNAMED -XX:+UseZGC -Dprism.lcdtext=false"
if %MAJOR% GEQ 23 (set "OPTS=%OPTS% --sun-misc-unsafe-memory-access=allow") else (set "OPTS=%OPTS% -XX:+ZGenerational")
for %%p in (javafx.base/com.sun.javafx.event javafx.base/com.sun.javafx.binding javafx.controls/com.sun.javafx.scene.control javafx.controls/com.sun.javafx.scene.control.behavior) do set "OPTS=!OPTS! --add-exports=%%p=ALL-UNNAMED"
set "OPTS=%OPTS% --add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED"
rem ZGC's soft heap limit and uncommit delay keep an idle window small; the app raises the limit
rem while a big result is on screen (see installers/desktop-java-options.sh and docs/desktop.md)
set "OPTS=%OPTS% -XX:SoftMaxHeapSize=128m -XX:ZUncommitDelay=5"
if %MAJOR% GEQ 22 set "OPTS=%OPTS% -XX:TrimNativeHeapInterval=5000"
"%JAVA%" %OPTS% -XX:SharedArchiveFile="%HERE%app\target\desktop.jsa" -XX:+AutoCreateSharedArchive -Xshare:auto -Xlog:cds=off ^
  --module-path "%FX:~1%" --add-modules javafx.controls,javafx.swing -cp "%CP%" dev.mcpworkbench.app.Main %*
exit /b %errorlevel%

:cli
"%JAVA%" -XX:SharedArchiveFile="%HERE%app\target\cli.jsa" -XX:+AutoCreateSharedArchive -Xshare:auto -Xlog:cds=off ^
  -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m --enable-native-access=ALL-UNNAMED -cp "%JAR%;%LIB%\*" dev.mcpworkbench.app.Main %*
exit /b %errorlevel%
