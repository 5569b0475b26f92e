@echo off
rem plumb.cmd: runs the Plumb command line from this distribution with JDK 17 or newer.
setlocal
set "PLUMB_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java")
"%JAVA_EXE%" %JAVA_OPTS% -XX:TieredStopAtLevel=1 -cp "%PLUMB_HOME%\lib\*" io.plumb.cli.Plumb %*
exit /b %ERRORLEVEL%
